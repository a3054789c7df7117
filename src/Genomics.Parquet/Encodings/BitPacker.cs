using System.Buffers.Binary;
using System.Runtime.CompilerServices;

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

    /// <summary>Packs byte-sized values (dictionary indices of small dictionaries) with a fast path per width.</summary>
    public static void PackBytes(ReadOnlySpan<byte> values, int bitWidth, Span<byte> output)
    {
        switch (bitWidth)
        {
            case 0:
                return;
            case 8:
                values.CopyTo(output);
                return;
            case 1:
                PackBytesWidth1(values, output);
                return;
            case 2:
                PackBytesWidth2(values, output);
                return;
            case 4:
                PackBytesWidth4(values, output);
                return;
            default:
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

                return;
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

    private static void PackBytesWidth1(ReadOnlySpan<byte> values, Span<byte> output)
    {
        var n = values.Length / 8;
        for (var g = 0; g < n; g++)
        {
            // Gather bit 0 of each of 8 bytes: multiply moves byte k's bit to bit 56 + k.
            var x = BinaryPrimitives.ReadUInt64LittleEndian(values.Slice(g * 8, 8)) & 0x0101010101010101UL;
            output[g] = (byte)((x * 0x0102040810204080UL) >> 56);
        }

        PackTail(values, n * 8, 1, output, n);
    }

    private static void PackBytesWidth2(ReadOnlySpan<byte> values, Span<byte> output)
    {
        var n = values.Length / 8;
        for (var g = 0; g < n; g++)
        {
            var x = BinaryPrimitives.ReadUInt64LittleEndian(values.Slice(g * 8, 8)) & 0x0303030303030303UL;
            // Fold neighbours: byte pairs → 4-bit nibbles, then nibble pairs → bytes.
            x = (x | (x >> 6)) & 0x000F000F000F000FUL;
            x = (x | (x >> 12)) & 0x000000FF000000FFUL;
            BinaryPrimitives.WriteUInt16LittleEndian(output.Slice(g * 2, 2), (ushort)(x | (x >> 24)));
        }

        PackTail(values, n * 8, 2, output, n * 2);
    }

    private static void PackBytesWidth4(ReadOnlySpan<byte> values, Span<byte> output)
    {
        var n = values.Length / 8;
        for (var g = 0; g < n; g++)
        {
            var x = BinaryPrimitives.ReadUInt64LittleEndian(values.Slice(g * 8, 8)) & 0x0F0F0F0F0F0F0F0FUL;
            x = (x | (x >> 4)) & 0x00FF00FF00FF00FFUL;
            x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
            BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(g * 4, 4), (uint)(x | (x >> 16)));
        }

        PackTail(values, n * 8, 4, output, n * 4);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PackTail(ReadOnlySpan<byte> values, int from, int bitWidth, Span<byte> output, int outFrom)
    {
        if (from == values.Length)
        {
            return;
        }

        ulong acc = 0;
        var bits = 0;
        var o = outFrom;
        for (var i = from; i < values.Length; i++)
        {
            acc |= (ulong)values[i] << bits;
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
}
