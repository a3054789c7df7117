namespace Genomics.Genotypes.Kernels;

/// <summary>The specification of dosage decoding: one sample at a time, straight from the code table.</summary>
internal sealed class ScalarDosageDecoder : IDosageDecoder
{
    public SimdLevel Level => SimdLevel.Scalar;

    // Indexed by the PLINK code: 00 hom A1 (two ALT copies), 01 missing, 10 het, 11 hom A2 (REF).
    private static ReadOnlySpan<sbyte> DosageByCode => [2, -1, 1, 0];

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> dosages)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        DecodeUnchecked(packedRow, dosages);
    }

    /// <summary>Also finishes the tail the vector implementations leave (a row end that fills no whole vector).</summary>
    internal static void DecodeUnchecked(ReadOnlySpan<byte> packedRow, Span<sbyte> dosages)
    {
        var table = DosageByCode;
        for (var sample = 0; sample < dosages.Length; sample++)
        {
            var code = (packedRow[sample >> 2] >> ((sample & 3) << 1)) & 3;
            dosages[sample] = table[code];
        }
    }
}
