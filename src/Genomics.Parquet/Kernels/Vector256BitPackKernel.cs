using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genomics.Parquet.Kernels;

/// <summary>
/// The SWAR folding done on 256-bit vectors: each lane folds its fields into one byte per 16-, 32- or 64-bit
/// lane, then narrowing gathers those bytes into a contiguous run.
/// </summary>
internal sealed class Vector256BitPackKernel : BitPackKernel
{
    private static readonly SwarBitPackKernel Tail = new();

    public override string Name => "v256";

    public override void Pack(ReadOnlySpan<byte> values, int bitWidth, Span<byte> output)
    {
        if (output.Length < ((values.Length * bitWidth) + 7) / 8)
        {
            throw new ArgumentException("Output too small.", nameof(output));
        }

        ref var src = ref MemoryMarshal.GetReference(values);
        ref var dst = ref MemoryMarshal.GetReference(output);
        int done;
        switch (bitWidth)
        {
            case 2:
                done = Pack2(ref src, values.Length, ref dst);
                break;
            case 4:
                done = Pack4(ref src, values.Length, ref dst);
                break;
            case 8:
                values.CopyTo(output);
                return;
            default:
                done = 0;
                break;
        }

        Tail.Pack(values[done..], bitWidth, output[(done * bitWidth / 8)..]);
    }

    private static int Pack2(ref byte src, int length, ref byte dst)
    {
        // 128 values (4 vectors) become 32 bytes.
        var i = 0;
        for (; i + 128 <= length; i += 128)
        {
            var a = Fold2(Vector256.LoadUnsafe(ref src, (nuint)i));
            var b = Fold2(Vector256.LoadUnsafe(ref src, (nuint)(i + 32)));
            var c = Fold2(Vector256.LoadUnsafe(ref src, (nuint)(i + 64)));
            var d = Fold2(Vector256.LoadUnsafe(ref src, (nuint)(i + 96)));
            var packed = Vector256.Narrow(Vector256.Narrow(a, b), Vector256.Narrow(c, d));
            packed.StoreUnsafe(ref dst, (nuint)(i / 4));
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Fold2(Vector256<byte> v)
    {
        var x = v.AsUInt16() & Vector256.Create((ushort)0x0303);
        x = (x | (x >> 6)) & Vector256.Create((ushort)0x000F);
        var y = x.AsUInt32();
        return (y | (y >> 12)) & Vector256.Create(0xFFu);
    }

    private static int Pack4(ref byte src, int length, ref byte dst)
    {
        // 64 values (2 vectors) become 32 bytes.
        var i = 0;
        for (; i + 64 <= length; i += 64)
        {
            var a = Fold4(Vector256.LoadUnsafe(ref src, (nuint)i));
            var b = Fold4(Vector256.LoadUnsafe(ref src, (nuint)(i + 32)));
            Vector256.Narrow(a, b).StoreUnsafe(ref dst, (nuint)(i / 2));
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Fold4(Vector256<byte> v)
    {
        var x = v.AsUInt16() & Vector256.Create((ushort)0x0F0F);
        return (x | (x >> 4)) & Vector256.Create((ushort)0x00FF);
    }
}
