namespace Genomics.Genotypes.Kernels;

/// <summary>The specification of call decoding: one sample at a time, straight from the code tables.</summary>
internal sealed class ScalarCallDecoder : ICallDecoder
{
    public SimdLevel Level => SimdLevel.Scalar;

    // Indexed by the PLINK code: 00 → 1/1, 01 → ./., 10 → 0/1 (REF first), 11 → 0/0.
    private static ReadOnlySpan<sbyte> FirstAlleleByCode => [1, -1, 0, 0];

    private static ReadOnlySpan<sbyte> SecondAlleleByCode => [1, -1, 1, 0];

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> alleles)
    {
        var samples = KernelGuard.SamplesFromAlleleSlots(alleles.Length);
        KernelGuard.RequirePackedLength(packedRow.Length, samples, nameof(packedRow));
        DecodeUnchecked(packedRow, alleles);
    }

    /// <summary>Also finishes the tail the vector implementations leave.</summary>
    internal static void DecodeUnchecked(ReadOnlySpan<byte> packedRow, Span<sbyte> alleles)
    {
        var first = FirstAlleleByCode;
        var second = SecondAlleleByCode;
        var samples = alleles.Length >> 1;
        for (var sample = 0; sample < samples; sample++)
        {
            var code = (packedRow[sample >> 2] >> ((sample & 3) << 1)) & 3;
            alleles[2 * sample] = first[code];
            alleles[(2 * sample) + 1] = second[code];
        }
    }
}
