namespace Genomics.Genotypes;

/// <summary>
/// Facts about the packed genotype form: 2 bits per sample in PLINK 1 .bed code order, four samples per byte
/// (sample 4k in bits 0-1 of byte k), each row padded to a whole byte.
/// </summary>
public static class PackedGenotypes
{
    /// <summary>Code 00: two copies of A1, the ALT allele.</summary>
    public const int HomAltCode = 0b00;

    /// <summary>Code 01: no call.</summary>
    public const int MissingCode = 0b01;

    /// <summary>Code 10: one copy of each allele.</summary>
    public const int HetCode = 0b10;

    /// <summary>Code 11: two copies of A2, the REF allele.</summary>
    public const int HomRefCode = 0b11;

    /// <summary>Bytes one packed row of <paramref name="sampleCount"/> samples takes: ceil(N / 4).</summary>
    public static int BytesPerRow(int sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        return (int)(((uint)sampleCount + 3u) >> 2);
    }
}
