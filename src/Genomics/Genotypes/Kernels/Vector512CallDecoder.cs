using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genomics.Genotypes.Kernels;

/// <summary>
/// Call decoding 16 packed bytes (64 samples, two vectors of allele slots) at a time with AVX-512 BW; the packed bytes
/// are copied into all four 128-bit quarters because the shuffle does not cross them.
/// </summary>
internal sealed class Vector512CallDecoder : ICallDecoder
{
    public static bool IsSupported => Avx512BW.IsSupported;

    public SimdLevel Level => SimdLevel.Vector512;

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> alleles)
    {
        var samples = KernelGuard.SamplesFromAlleleSlots(alleles.Length);
        KernelGuard.RequirePackedLength(packedRow.Length, samples, nameof(packedRow));
        ref var source = ref MemoryMarshal.GetReference(packedRow);
        ref var target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(alleles));
        var table = Vector512.Create(TwoBitLookup.CallTable);
        var lowMask = Vector512.Create(TwoBitLookup.CallLowNibbleMask).AsByte();
        var highMask = Vector512.Create(TwoBitLookup.CallHighNibbleMask).AsByte();
        var flip = Vector512.Create(TwoBitLookup.CallSecondAlleleFlip).AsByte();
        var firstSpread = Vector512.Create(
            (byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
            2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3,
            4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5,
            6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7);
        var secondSpread = firstSpread + Vector512.Create((byte)8);
        var sample = 0;
        for (; sample <= samples - 64; sample += 64)
        {
            var packed = Vector512.Create(Vector128.LoadUnsafe(ref source, (nuint)(sample >> 2)));
            Expand(packed, firstSpread, table, lowMask, highMask, flip).StoreUnsafe(ref target, (nuint)(2 * sample));
            Expand(packed, secondSpread, table, lowMask, highMask, flip).StoreUnsafe(ref target, (nuint)((2 * sample) + 64));
        }

        ScalarCallDecoder.DecodeUnchecked(packedRow[(sample >> 2)..], alleles[(2 * sample)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Expand(
        Vector512<byte> packed, Vector512<byte> spread, Vector512<byte> table, Vector512<byte> lowMask, Vector512<byte> highMask, Vector512<byte> flip)
    {
        var copies = Avx512BW.Shuffle(packed, spread);
        var index = ((copies & lowMask) | (Vector512.ShiftRightLogical(copies.AsUInt16(), 4).AsByte() & highMask)) ^ flip;
        return Avx512BW.Shuffle(table, index);
    }
}
