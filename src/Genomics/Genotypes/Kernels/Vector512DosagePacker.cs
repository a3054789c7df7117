using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Genomics.Genotypes.Kernels;

/// <summary>Packing 256 dosages into 64 bytes at a time with AVX-512 BW.</summary>
internal sealed class Vector512DosagePacker : IDosagePacker
{
    public static bool IsSupported => Avx512BW.IsSupported;

    public SimdLevel Level => SimdLevel.Vector512;

    public void Pack(ReadOnlySpan<sbyte> dosages, Span<byte> packedRow)
    {
        KernelGuard.RequirePackedLength(packedRow.Length, dosages.Length, nameof(packedRow));
        ref var source = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(dosages));
        ref var target = ref MemoryMarshal.GetReference(packedRow);

        // Each 64 dosages give four packed bytes per 128-bit quarter. The in-quarter gathers put quarter-vector v's bytes
        // in 32-bit lane v of each quarter; one cross-quarter permute then restores row order.
        var gather0 = Vector512.Create(TwoBitLookup.PackGather(0));
        var gather1 = Vector512.Create(TwoBitLookup.PackGather(1));
        var gather2 = Vector512.Create(TwoBitLookup.PackGather(2));
        var gather3 = Vector512.Create(TwoBitLookup.PackGather(3));
        var rowOrder = Vector512.Create(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
        var sample = 0;
        for (; sample <= dosages.Length - 256; sample += 256)
        {
            var joined = Avx512BW.Shuffle(Codes(ref source, sample), gather0)
                | Avx512BW.Shuffle(Codes(ref source, sample + 64), gather1)
                | Avx512BW.Shuffle(Codes(ref source, sample + 128), gather2)
                | Avx512BW.Shuffle(Codes(ref source, sample + 192), gather3);
            Avx512F.PermuteVar16x32(joined.AsInt32(), rowOrder).AsByte().StoreUnsafe(ref target, (nuint)(sample >> 2));
        }

        ScalarDosagePacker.PackUnchecked(dosages[sample..], packedRow[(sample >> 2)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Codes(ref byte source, int sample)
    {
        var clamped = Vector512.Min(Vector512.LoadUnsafe(ref source, (nuint)sample), Vector512.Create(TwoBitLookup.PackClamp));
        var codes = Avx512BW.Shuffle(Vector512.Create(TwoBitLookup.PackTable), clamped);
        return TwoBitLookup.JoinCodes(codes.AsUInt32()).AsByte();
    }
}
