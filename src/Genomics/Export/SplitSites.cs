using Genomics.Dataset;
using Genomics.Parquet;

namespace Genomics.Export;

/// <summary>
/// The rows of one row group that come from a multi-allelic VCF site split one row per ALT (the dosage form: same
/// variant_index, allele_index 1, 2, …). A site's rows are written together, so they never straddle row groups.
/// </summary>
internal readonly struct SplitSites
{
    private readonly PrimitiveArray<long>? variantIndexes;
    private readonly PrimitiveArray<int>? alleleIndexes;

    private SplitSites(PrimitiveArray<long>? variants, PrimitiveArray<int>? alleles)
    {
        variantIndexes = variants;
        alleleIndexes = alleles;
    }

    public static SplitSites Of(IReadOnlyDictionary<string, ColumnArray> group) =>
        group.TryGetValue(VariantColumns.AlleleIndex, out var alleles) && group.TryGetValue(VariantColumns.VariantIndex, out var variants)
            ? new SplitSites((PrimitiveArray<long>)variants, (PrimitiveArray<int>)alleles)
            : default;

    /// <summary>Whether row <paramref name="row"/> is one ALT of a site with several.</summary>
    public bool IsMultiAllelic(int row)
    {
        if (alleleIndexes is null || variantIndexes is null)
        {
            return false;
        }

        var index = variantIndexes.Values.Span;
        return (row > 0 && index[row - 1] == index[row]) || (row + 1 < index.Length && index[row + 1] == index[row]);
    }

    /// <summary>Whether <paramref name="row"/> starts its site (so a skipped site is counted once).</summary>
    public bool IsFirstRowOfSite(int row)
    {
        if (variantIndexes is null || row == 0)
        {
            return true;
        }

        var index = variantIndexes.Values.Span;
        return index[row - 1] != index[row];
    }
}
