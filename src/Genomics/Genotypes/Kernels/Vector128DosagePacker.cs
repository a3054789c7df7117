using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genomics.Genotypes.Kernels;

/// <summary>Packing 64 dosages into 16 bytes at a time with 128-bit byte shuffles.</summary>
internal sealed class Vector128DosagePacker : IDosagePacker
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public SimdLevel Level => SimdLevel.Vector128;

    public void Pack(ReadOnlySpan<sbyte> dosages, Span<byte> packedRow)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        ref var source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(dosages));
        ref var target = ref MemoryMarshal.GetReference(packedRow);
        var sample = 0;
        for (; sample <= dosages.Length - 64; sample += 64)
        {
            // Each quarter yields four packed bytes in bytes 0, 4, 8, 12; the constant gathers (out-of-range index → 0)
            // put them side by side so one OR chain forms the 16 output bytes.
            var packed =
                Vector128.Shuffle(Codes(ref source, sample), Vector128.Create((byte)0, 4, 8, 12, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
                | Vector128.Shuffle(Codes(ref source, sample + 16), Vector128.Create((byte)255, 255, 255, 255, 0, 4, 8, 12, 255, 255, 255, 255, 255, 255, 255, 255))
                | Vector128.Shuffle(Codes(ref source, sample + 32), Vector128.Create((byte)255, 255, 255, 255, 255, 255, 255, 255, 0, 4, 8, 12, 255, 255, 255, 255))
                | Vector128.Shuffle(Codes(ref source, sample + 48), Vector128.Create((byte)255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 4, 8, 12));
            packed.StoreUnsafe(ref target, (nuint)(sample >> 2));
        }

        ScalarDosagePacker.PackUnchecked(dosages[sample..], packedRow[(sample >> 2)..]);
    }

    /// <summary>Sixteen dosages → four packed bytes, each in the low byte of a 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Codes(ref byte source, int sample)
    {
        var clamped = Vector128.Min(Vector128.LoadUnsafe(ref source, (nuint)sample), Vector128.Create(TwoBitLookup.PackClamp));
        var codes = Vector128.ShuffleNative(TwoBitLookup.PackTable, clamped);
        return TwoBitLookup.JoinCodes(codes.AsUInt32()).AsByte();
    }
}
