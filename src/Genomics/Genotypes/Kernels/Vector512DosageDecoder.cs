using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genomics.Genotypes.Kernels;

/// <summary>
/// Dosage decoding 16 packed bytes (64 samples) per vector with AVX-512 BW. The byte shuffle works within each 128-bit
/// quarter, so the packed bytes are copied into all four and quarter q decodes packed bytes 4q to 4q + 3.
/// </summary>
internal sealed class Vector512DosageDecoder : IDosageDecoder
{
    public static bool IsSupported => Avx512BW.IsSupported;

    public SimdLevel Level => SimdLevel.Vector512;

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> dosages)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        ref var source = ref MemoryMarshal.GetReference(packedRow);
        ref var target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(dosages));
        var table = Vector512.Create(TwoBitLookup.DosageTable);
        var lowMask = Vector512.Create(TwoBitLookup.DosageLowNibbleMask).AsByte();
        var highMask = Vector512.Create(TwoBitLookup.DosageHighNibbleMask).AsByte();
        var spread = Vector512.Create(
            (byte)0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
            4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7,
            8, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11,
            12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 15);
        var sample = 0;
        for (; sample <= dosages.Length - 64; sample += 64)
        {
            var packed = Vector512.Create(Vector128.LoadUnsafe(ref source, (nuint)(sample >> 2)));
            var copies = Avx512BW.Shuffle(packed, spread);
            var index = (copies & lowMask) | (Vector512.ShiftRightLogical(copies.AsUInt16(), 4).AsByte() & highMask);
            Avx512BW.Shuffle(table, index).StoreUnsafe(ref target, (nuint)sample);
        }

        ScalarDosageDecoder.DecodeUnchecked(packedRow[(sample >> 2)..], dosages[sample..]);
    }
}
