using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>
/// Turns a <see cref="VcfBatch"/> into one row group of the variants table in a given <see cref="VcfDatasetLayout"/>.
/// Columns that map one to one onto the batch are handed over without copying (so the batch must not be refilled until
/// the row group is written); copies are made only to widen (int32 → int64, a lower ploidy), to fill keys the batch
/// lacks, and for the dosage form's split of multi-allelic sites into one row per ALT.
/// </summary>
internal sealed partial class VcfRowGroupBuilder
{
    private readonly ValueBuffer<int> rowVariant = new();
    private readonly ValueBuffer<int> rowAllele = new();
    private readonly List<ColumnArray> columns = [];
    private bool identity;

    /// <summary>Rows of the last row group built.</summary>
    public int RowCount => rowVariant.Count;

    /// <summary>The columns of <paramref name="batch"/> in <paramref name="layout"/>'s schema order; valid until the next call.</summary>
    public IReadOnlyList<ColumnArray> Build(VcfBatch batch, VcfDatasetLayout layout)
    {
        MapRows(batch, layout.Form == GenotypeColumn.Dosage);
        columns.Clear();
        AddSiteColumns(batch, layout);
        AddInfoColumns(batch, layout);
        if (layout.HasSamples)
        {
            AddFormatColumns(batch, layout);
            AddGenotypeColumns(batch, layout);
        }

        return columns;
    }

    /// <summary>
    /// One row per variant, or, for dosages, one per ALT allele (a site without ALT keeps one row, allele 0). The map is
    /// the identity when no site has two ALTs, and the fast paths use the batch's own arrays then.
    /// </summary>
    private void MapRows(VcfBatch batch, bool splitAlleles)
    {
        rowVariant.Clear();
        rowAllele.Clear();
        identity = true;
        var altOffsets = batch.Alts.Offsets.Span;
        for (var v = 0; v < batch.Count; v++)
        {
            var alts = altOffsets[v + 1] - altOffsets[v];
            var rows = splitAlleles ? Math.Max(1, alts) : 1;
            identity &= rows == 1;
            for (var a = 0; a < rows; a++)
            {
                rowVariant.Add(v);
                rowAllele.Add(splitAlleles ? Math.Min(alts, a + 1) : 0);
            }
        }
    }

    private static T Reuse<T>(Dictionary<string, T> cache, string name, Func<T> create)
        where T : class
    {
        if (!cache.TryGetValue(name, out var value))
        {
            value = create();
            cache[name] = value;
        }

        return value;
    }
}
