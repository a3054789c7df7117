using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Encodings;

/// <summary>
/// DELTA_BINARY_PACKED: blocks of 128 deltas in 4 miniblocks of 32, each delta stored minus the block's
/// minimum delta at the miniblock's bit width. Sorted positions and indices shrink to a few bits a value.
/// </summary>
internal static class DeltaBinaryPacked
{
    private const int BlockSize = 128;
    private const int MiniBlocks = 4;
    private const int MiniBlockSize = BlockSize / MiniBlocks;

    public static void Encode(ReadOnlySpan<long> values, ByteBuffer output)
    {
        output.WriteUleb128(BlockSize);
        output.WriteUleb128(MiniBlocks);
        output.WriteUleb128((ulong)values.Length);
        output.WriteUleb128(ZigZag.Encode(values.Length > 0 ? values[0] : 0));
        if (values.Length <= 1)
        {
            return;
        }

        Span<long> deltas = stackalloc long[BlockSize];
        Span<ulong> wide = stackalloc ulong[MiniBlockSize];
        Span<byte> widths = stackalloc byte[MiniBlocks];
        var i = 1;
        while (i < values.Length)
        {
            var n = Math.Min(BlockSize, values.Length - i);
            var minDelta = long.MaxValue;
            for (var k = 0; k < n; k++)
            {
                // Deltas wrap around in two's complement, as the format specifies for overflow.
                deltas[k] = unchecked(values[i + k] - values[i + k - 1]);
                minDelta = Math.Min(minDelta, deltas[k]);
            }

            for (var k = n; k < BlockSize; k++)
            {
                deltas[k] = minDelta;
            }

            output.WriteUleb128(ZigZag.Encode(minDelta));
            widths.Clear();
            var widthPos = output.Length;
            output.Write(widths);
            var usedMiniBlocks = (n + MiniBlockSize - 1) / MiniBlockSize;
            for (var m = 0; m < MiniBlocks; m++)
            {
                if (m >= usedMiniBlocks)
                {
                    // Unused miniblocks carry width 0 and no data.
                    continue;
                }

                ulong max = 0;
                for (var k = 0; k < MiniBlockSize; k++)
                {
                    wide[k] = unchecked((ulong)(deltas[(m * MiniBlockSize) + k] - minDelta));
                    max |= wide[k];
                }

                var w = BitWidth.For(max);
                widths[m] = (byte)w;
                var bytes = MiniBlockSize * w / 8;
                var span = output.GetSpan(bytes)[..bytes];
                span.Clear();
                PackWide(wide, w, span);
                output.Advance(bytes);
            }

            // The widths precede the miniblocks but are known only after packing them.
            widths.CopyTo(output.WrittenRange(widthPos, MiniBlocks));
            i += n;
        }
    }

    /// <summary>Decodes all values; returns the number of bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output, out int count)
    {
        var pos = 0;
        var blockSize = (long)Uleb128.Read(data, ref pos, "DELTA_BINARY_PACKED header");
        var miniBlocks = (long)Uleb128.Read(data, ref pos, "DELTA_BINARY_PACKED header");
        var total = Uleb128.Read(data, ref pos, "DELTA_BINARY_PACKED header");
        var first = ZigZag.Decode(Uleb128.Read(data, ref pos, "DELTA_BINARY_PACKED header"));
        if (blockSize <= 0 || blockSize % 128 != 0 || miniBlocks <= 0 || blockSize % miniBlocks != 0 || (blockSize / miniBlocks) % 32 != 0 || blockSize > 1 << 20)
        {
            throw new ParquetFormatException($"DELTA_BINARY_PACKED header has block size {blockSize} and {miniBlocks} miniblocks");
        }

        if (total > (ulong)output.Length)
        {
            throw new ParquetFormatException($"DELTA_BINARY_PACKED holds {total} values where {output.Length} were expected");
        }

        count = (int)total;
        if (count == 0)
        {
            return pos;
        }

        output[0] = first;
        var perMini = (int)(blockSize / miniBlocks);
        var o = 1;
        var last = first;
        var widths = new byte[miniBlocks];
        while (o < count)
        {
            var minDelta = ZigZag.Decode(Uleb128.Read(data, ref pos, "DELTA_BINARY_PACKED header"));
            if (data.Length - pos < miniBlocks)
            {
                throw new ParquetFormatException("DELTA_BINARY_PACKED block header runs past the end of the page");
            }

            data.Slice(pos, (int)miniBlocks).CopyTo(widths);
            pos += (int)miniBlocks;
            for (var m = 0; m < miniBlocks && o < count; m++)
            {
                int w = widths[m];
                if (w > 64)
                {
                    throw new ParquetFormatException($"DELTA_BINARY_PACKED miniblock width {w} exceeds 64");
                }

                var bytes = perMini * w / 8;
                if (data.Length - pos < bytes)
                {
                    // The last miniblock may be cut short by some writers; use what is there.
                    bytes = data.Length - pos;
                }

                var mini = data.Slice(pos, bytes);
                var bitPos = 0L;
                for (var k = 0; k < perMini && o < count; k++)
                {
                    var d = ReadBits(mini, bitPos, w);
                    bitPos += w;
                    last = unchecked(last + minDelta + (long)d);
                    output[o++] = last;
                }

                pos += bytes;
            }
        }

        return pos;
    }

    private static ulong ReadBits(ReadOnlySpan<byte> data, long bitPos, int width)
    {
        if (width == 0)
        {
            return 0;
        }

        ulong result = 0;
        var got = 0;
        while (got < width)
        {
            var byteIndex = (int)(bitPos >> 3);
            if (byteIndex >= data.Length)
            {
                throw new ParquetFormatException("DELTA_BINARY_PACKED miniblock runs past the end of the page");
            }

            var shift = (int)(bitPos & 7);
            var take = Math.Min(8 - shift, width - got);
            var bits = (ulong)((data[byteIndex] >> shift) & ((1 << take) - 1));
            result |= bits << got;
            got += take;
            bitPos += take;
        }

        return result;
    }

    private static void PackWide(ReadOnlySpan<ulong> values, int width, Span<byte> output)
    {
        if (width == 0)
        {
            return;
        }

        long bitPos = 0;
        foreach (var v in values)
        {
            var remaining = width;
            var x = v;
            while (remaining > 0)
            {
                var byteIndex = (int)(bitPos >> 3);
                var shift = (int)(bitPos & 7);
                var take = Math.Min(8 - shift, remaining);
                output[byteIndex] |= (byte)((x & ((1UL << take) - 1)) << shift);
                x >>= take;
                remaining -= take;
                bitPos += take;
            }
        }
    }
}
