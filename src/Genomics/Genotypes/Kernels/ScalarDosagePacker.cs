namespace Genomics.Genotypes.Kernels;

/// <summary>The specification of packing: one sample at a time, anything but 0, 1, 2 is missing.</summary>
internal sealed class ScalarDosagePacker : IDosagePacker
{
    public SimdLevel Level => SimdLevel.Scalar;

    public void Pack(ReadOnlySpan<sbyte> dosages, Span<byte> packedRow)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        PackUnchecked(dosages, packedRow);
    }

    /// <summary>Also finishes the tail the vector implementations leave; the last byte's padding stays zero.</summary>
    internal static void PackUnchecked(ReadOnlySpan<sbyte> dosages, Span<byte> packedRow)
    {
        var bytes = PackedGenotypes.BytesPerRow(dosages.Length);
        for (var i = 0; i < bytes; i++)
        {
            var packed = 0;
            var end = Math.Min(dosages.Length, (i << 2) + 4);
            for (var sample = i << 2; sample < end; sample++)
            {
                packed |= CodeOf(dosages[sample]) << ((sample & 3) << 1);
            }

            packedRow[i] = (byte)packed;
        }
    }

    // Indexed by dosage 0, 1, 2; the unsigned compare in CodeOf sends -1 and every other value to the missing code.
    private static ReadOnlySpan<byte> CodeByDosage => [PackedGenotypes.HomRefCode, PackedGenotypes.HetCode, PackedGenotypes.HomAltCode];

    private static int CodeOf(sbyte dosage) => (uint)dosage < 3 ? CodeByDosage[dosage] : PackedGenotypes.MissingCode;
}
