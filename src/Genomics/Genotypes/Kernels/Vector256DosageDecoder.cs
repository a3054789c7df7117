using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genomics.Genotypes.Kernels;

/// <summary>
/// Dosage decoding 16 packed bytes (64 samples) at a time with AVX2. The AVX2 byte shuffle works within each 128-bit
/// half, so the 16 packed bytes are copied into both halves and each half picks its own bytes.
/// </summary>
internal sealed class Vector256DosageDecoder : IDosageDecoder
{
    public static bool IsSupported => Avx2.IsSupported;

    public SimdLevel Level => SimdLevel.Vector256;

    public void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> dosages)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        ref var source = ref MemoryMarshal.GetReference(packedRow);
        ref var target = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(dosages));
        var table = Vector256.Create(TwoBitLookup.DosageTable);
        var lowMask = Vector256.Create(TwoBitLookup.DosageLowNibbleMask).AsByte();
        var highMask = Vector256.Create(TwoBitLookup.DosageHighNibbleMask).AsByte();
        var firstSpread = Vector256.Create(
            (byte)0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
            4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7);
        var secondSpread = firstSpread + Vector256.Create((byte)8);
        var sample = 0;
        for (; sample <= dosages.Length - 64; sample += 64)
        {
            var packed = Vector256.Create(Vector128.LoadUnsafe(ref source, (nuint)(sample >> 2)));
            Expand(packed, firstSpread, table, lowMask, highMask).StoreUnsafe(ref target, (nuint)sample);
            Expand(packed, secondSpread, table, lowMask, highMask).StoreUnsafe(ref target, (nuint)(sample + 32));
        }

        ScalarDosageDecoder.DecodeUnchecked(packedRow[(sample >> 2)..], dosages[sample..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Expand(Vector256<byte> packed, Vector256<byte> spread, Vector256<byte> table, Vector256<byte> lowMask, Vector256<byte> highMask)
    {
        var copies = Avx2.Shuffle(packed, spread);
        var index = (copies & lowMask) | (Vector256.ShiftRightLogical(copies.AsUInt16(), 4).AsByte() & highMask);
        return Avx2.Shuffle(table, index);
    }
}
