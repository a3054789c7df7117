using Genomics.Genotypes;

namespace Genomics.Stats;

/// <summary>Packed 2-bit rows read as wide calls, with each sample's <see cref="CallClass"/> applied.</summary>
public static class PackedCalls
{
    /// <summary>
    /// Writes two slots per sample: a diploid call's two allele indexes (0 REF, 1 ALT, -1 missing); a haploid call's one
    /// allele then -2 (a heterozygous code is a missing haploid call); an excluded sample's -2, -2.
    /// </summary>
    public static void ToWide(ReadOnlySpan<byte> row, int sampleCount, Func<int, CallClass> classOf, Span<sbyte> alleles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row.Length, PackedGenotypes.BytesPerRow(sampleCount), nameof(row));
        ArgumentOutOfRangeException.ThrowIfLessThan(alleles.Length, sampleCount * 2, nameof(alleles));
        for (var s = 0; s < sampleCount; s++)
        {
            var code = (row[s >> 2] >> ((s & 3) << 1)) & 3;
            (sbyte First, sbyte Second) call = classOf(s) switch
            {
                CallClass.Excluded => (-2, -2),
                CallClass.Haploid => code switch
                {
                    PackedGenotypes.HomRefCode => (0, -2),
                    PackedGenotypes.HomAltCode => (1, -2),
                    _ => (-1, -2),
                },
                _ => code switch
                {
                    PackedGenotypes.HomRefCode => (0, 0),
                    PackedGenotypes.HetCode => (0, 1),
                    PackedGenotypes.HomAltCode => (1, 1),
                    _ => (-1, -1),
                },
            };
            alleles[2 * s] = call.First;
            alleles[(2 * s) + 1] = call.Second;
        }
    }
}
