using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genomics.Genotypes.Kernels;

/// <summary>Dosage decoding 16 packed bytes (64 samples) at a time with 128-bit byte shuffles.</summary>
internal sealed class Vector128DosageDecoder : IDosageDecoder
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public SimdLevel Level => SimdLevel.Vector128;

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> dosages)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        ref var source = ref MemoryMarshal.GetReference(packedRow);
        ref var target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(dosages));
        var table = TwoBitLookup.DosageTable;
        var lowMask = Vector128.Create(TwoBitLookup.DosageLowNibbleMask).AsByte();
        var highMask = Vector128.Create(TwoBitLookup.DosageHighNibbleMask).AsByte();
        var firstSpread = Vector128.Create((byte)0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
        var nextPackedBytes = Vector128.Create((byte)4);
        var sample = 0;
        for (; sample <= dosages.Length - 64; sample += 64)
        {
            var packed = Vector128.LoadUnsafe(ref source, (nuint)(sample >> 2));
            var spread = firstSpread;
            for (var part = 0; part < 4; part++)
            {
                var copies = Vector128.ShuffleNative(packed, spread);
                var index = (copies & lowMask) | (Vector128.ShiftRightLogical(copies.AsUInt16(), 4).AsByte() & highMask);
                Vector128.ShuffleNative(table, index).StoreUnsafe(ref target, (nuint)(sample + (part << 4)));
                spread += nextPackedBytes;
            }
        }

        ScalarDosageDecoder.DecodeUnchecked(packedRow[(sample >> 2)..], dosages[sample..]);
    }
}
