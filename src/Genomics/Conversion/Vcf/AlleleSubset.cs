using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>
/// Which values of an allele-indexed list belong to one ALT when a multi-allelic site is split into one row per ALT (as
/// the dosage form does): Number=A keeps that ALT's value, Number=R the REF's and that ALT's, Number=G the genotypes made
/// of REF and that ALT only (hom REF, het, hom ALT for a diploid call; REF, ALT for a haploid one).
/// </summary>
internal static class AlleleSubset
{
    /// <summary>The most values a subset keeps (Number=G, diploid).</summary>
    public const int MaxWidth = 3;

    /// <summary>Whether a key of this Number is split with its site's alleles (others are repeated on every row).</summary>
    public static bool IsAlleleIndexed(VcfNumberKind kind) => kind is VcfNumberKind.AltAlleles or VcfNumberKind.Alleles or VcfNumberKind.Genotypes;

    /// <summary>Values per sample (FORMAT) or per row (INFO) after the split.</summary>
    public static int Width(VcfNumberKind kind) => kind switch
    {
        VcfNumberKind.AltAlleles => 1,
        VcfNumberKind.Alleles => 2,
        _ => MaxWidth,
    };

    /// <summary>
    /// Writes into <paramref name="destination"/> (of <see cref="Width"/> slots) the positions, within one list of
    /// values, that the row of ALT <paramref name="alt"/> keeps; -1 where there is nothing to keep (the value becomes null).
    /// </summary>
    /// <param name="kind">The key's Number.</param>
    /// <param name="alt">1-based ALT allele of the row.</param>
    /// <param name="ploidy">The call's ploidy for Number=G (1 or 2; anything else keeps nothing).</param>
    /// <param name="destination">Receives the positions.</param>
    public static void Select(VcfNumberKind kind, int alt, int ploidy, Span<int> destination)
    {
        switch (kind)
        {
            case VcfNumberKind.AltAlleles:
                destination[0] = alt - 1;
                break;
            case VcfNumberKind.Alleles:
                destination[0] = 0;
                destination[1] = alt;
                break;
            default:
                // Diploid genotype (a, b) with a ≤ b is at b(b+1)/2 + a in VCF order; haploid genotype a is at a.
                var diploid = ploidy == 2;
                destination[0] = ploidy is 1 or 2 ? 0 : -1;
                destination[1] = diploid ? alt * (alt + 1) / 2 : ploidy == 1 ? alt : -1;
                destination[2] = diploid ? (alt * (alt + 1) / 2) + alt : -1;
                break;
        }
    }

    /// <summary>The ploidy an INFO Number=G list of <paramref name="count"/> values implies at a site with <paramref name="alts"/> ALTs (0 when neither 1 nor 2).</summary>
    public static int InfoPloidy(int count, int alts) =>
        count == VcfNumber.GenotypeCount(alts + 1, 2) ? 2 : count == alts + 1 ? 1 : 0;
}
