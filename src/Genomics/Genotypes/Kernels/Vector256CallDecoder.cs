using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genomics.Genotypes.Kernels;

/// <summary>
/// Call decoding 16 packed bytes (64 samples) at a time with AVX2; as in <see cref="Vector256DosageDecoder"/> the packed
/// bytes are copied into both 128-bit halves because the shuffle does not cross them.
/// </summary>
internal sealed class Vector256CallDecoder : ICallDecoder
{
    public static bool IsSupported => Avx2.IsSupported;

    public SimdLevel Level => SimdLevel.Vector256;

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> alleles)
    {
        var samples = KernelGuard.SamplesFromAlleleSlots(alleles.Length);
        KernelGuard.RequirePackedLength(packedRow.Length, samples, nameof(packedRow));
        ref var source = ref MemoryMarshal.GetReference(packedRow);
        ref var target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(alleles));
        var table = Vector256.Create(TwoBitLookup.CallTable);
        var lowMask = Vector256.Create(TwoBitLookup.CallLowNibbleMask).AsByte();
        var highMask = Vector256.Create(TwoBitLookup.CallHighNibbleMask).AsByte();
        var flip = Vector256.Create(TwoBitLookup.CallSecondAlleleFlip).AsByte();
        var firstSpread = Vector256.Create(
            (byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
            2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
        var nextPackedBytes = Vector256.Create((byte)4);
        var sample = 0;
        for (; sample <= samples - 64; sample += 64)
        {
            var packed = Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)(sample >> 2)));
            var spread = firstSpread;
            for (var part = 0; part < 4; part++)
            {
                var copies = Avx2.Shuffle(packed, spread);
                var index = ((copies & lowMask) | (Vector256.ShiftRightLogical(copies.AsUInt16(), 4).AsByte() & highMask)) ^ flip;
                Avx2.Shuffle(table, index).StoreUnsafe(ref target, (nuint)((2 * sample) + (part << 5)));
                spread += nextPackedBytes;
            }
        }

        ScalarCallDecoder.DecodeUnchecked(packedRow[(sample >> 2)..], alleles[(2 * sample)..]);
    }
}
