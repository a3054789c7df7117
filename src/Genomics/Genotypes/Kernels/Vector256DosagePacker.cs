using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genomics.Genotypes.Kernels;

/// <summary>Packing 128 dosages into 32 bytes at a time with AVX2.</summary>
internal sealed class Vector256DosagePacker : IDosagePacker
{
    public static bool IsSupported => Avx2.IsSupported;

    public SimdLevel Level => SimdLevel.Vector256;

    public void Pack(ReadOnlySpan<sbyte> dosages, Span<byte> packedRow)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        ref var source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(dosages));
        ref var target = ref MemoryMarshal.GetReference(packedRow);

        // Each 32 dosages give four packed bytes per 128-bit half. The in-half gathers (index with the top bit set → 0)
        // put quarter q's bytes in 32-bit lane q of each half, and one cross-half permute then restores row order.
        var gather0 = Vector256.Create(TwoBitLookup.PackGather(0));
        var gather1 = Vector256.Create(TwoBitLookup.PackGather(1));
        var gather2 = Vector256.Create(TwoBitLookup.PackGather(2));
        var gather3 = Vector256.Create(TwoBitLookup.PackGather(3));
        var rowOrder = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        var sample = 0;
        for (; sample <= dosages.Length - 128; sample += 128)
        {
            var joined = Avx2.Shuffle(Codes(ref source, sample), gather0)
                | Avx2.Shuffle(Codes(ref source, sample + 32), gather1)
                | Avx2.Shuffle(Codes(ref source, sample + 64), gather2)
                | Avx2.Shuffle(Codes(ref source, sample + 96), gather3);
            Avx2.PermuteVar8x32(joined.AsInt32(), rowOrder).AsByte().StoreUnsafe(ref target, (nuint)(sample >> 2));
        }

        ScalarDosagePacker.PackUnchecked(dosages[sample..], packedRow[(sample >> 2)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Codes(ref byte source, int sample)
    {
        var clamped = Vector256.Min(Vector256.LoadUnsafe(ref source, (nuint)sample), Vector256.Create(TwoBitLookup.PackClamp));
        var codes = Avx2.Shuffle(Vector256.Create(TwoBitLookup.PackTable), clamped);
        return TwoBitLookup.JoinCodes(codes.AsUInt32()).AsByte();
    }
}
