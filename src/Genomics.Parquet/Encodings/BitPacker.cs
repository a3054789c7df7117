namespace Genomics.Parquet.Encodings;

/// <summary>
/// Parquet bit-packing (the RLE/bit-packed hybrid's literal runs): values are packed least-significant
/// bit first, in groups of 8 values, so a group of width w takes exactly w bytes.
/// </summary>
internal static class BitPacker
{
    /// <summary>Packs values (count a multiple of 8; each below 2^bitWidth) into bitWidth × count / 8 bytes.</summary>
    public static void Pack(ReadOnlySpan<uint> values, int bitWidth, Span<byte> output)
    {
        if (bitWidth == 0)
        {
            return;
        }

        ulong acc = 0;
        var bits = 0;
        var o = 0;
        foreach (var v in values)
        {
            acc |= (ulong)v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                output[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            output[o] = (byte)acc;
        }
    }

    /// <summary>Packs byte-sized values (dictionary indices of small dictionaries) with the CPU's best kernel.</summary>
    public static void PackBytes(ReadOnlySpan<byte> values, int bitWidth, Span<byte> output)
    {
        if (bitWidth == 0)
        {
            return;
        }

        if (Kernels.BitPackKernel.Handles(bitWidth))
        {
            Kernels.BitPackKernel.Best.Pack(values, bitWidth, output);
        }
        else
        {
            Kernels.ScalarBitPackKernel.PackFrom(values, 0, bitWidth, output, 0);
        }
    }

    /// <summary>Unpacks count values of bitWidth bits (count may be any number; input must hold ceil(count × w / 8) bytes).</summary>
    public static void Unpack(ReadOnlySpan<byte> input, int bitWidth, Span<uint> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        ulong acc = 0;
        var bits = 0;
        var i = 0;
        for (var n = 0; n < output.Length; n++)
        {
            while (bits < bitWidth)
            {
                acc |= (ulong)input[i++] << bits;
                bits += 8;
            }

            output[n] = (uint)acc & mask;
            acc >>= bitWidth;
            bits -= bitWidth;
        }
    }

    /// <summary>Bytes needed for count values of bitWidth bits.</summary>
    public static int ByteCount(long count, int bitWidth) => checked((int)((count * bitWidth + 7) / 8));
}
