using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genomics.Genotypes.Kernels;

/// <summary>Call decoding 16 packed bytes (64 samples, 128 allele slots) at a time with 128-bit byte shuffles.</summary>
internal sealed class Vector128CallDecoder : ICallDecoder
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public SimdLevel Level => SimdLevel.Vector128;

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> alleles)
    {
        var samples = KernelGuard.SamplesFromAlleleSlots(alleles.Length);
        KernelGuard.RequirePackedLength(packedRow.Length, samples, nameof(packedRow));
        ref var source = ref MemoryMarshal.GetReference(packedRow);
        ref var target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(alleles));
        var table = TwoBitLookup.CallTable;
        var lowMask = Vector128.Create(TwoBitLookup.CallLowNibbleMask).AsByte();
        var highMask = Vector128.Create(TwoBitLookup.CallHighNibbleMask).AsByte();
        var flip = Vector128.Create(TwoBitLookup.CallSecondAlleleFlip).AsByte();
        var firstSpread = Vector128.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
        var nextPackedBytes = Vector128.Create((byte)2);
        var sample = 0;
        for (; sample <= samples - 64; sample += 64)
        {
            var packed = Vector128.LoadUnsafe(ref source, (nuint)(sample >> 2));
            var spread = firstSpread;
            for (var part = 0; part < 8; part++)
            {
                var copies = Vector128.ShuffleNative(packed, spread);
                var index = ((copies & lowMask) | (Vector128.ShiftRightLogical(copies.AsUInt16(), 4).AsByte() & highMask)) ^ flip;
                Vector128.ShuffleNative(table, index).StoreUnsafe(ref target, (nuint)((2 * sample) + (part << 4)));
                spread += nextPackedBytes;
            }
        }

        ScalarCallDecoder.DecodeUnchecked(packedRow[(sample >> 2)..], alleles[(2 * sample)..]);
    }
}
