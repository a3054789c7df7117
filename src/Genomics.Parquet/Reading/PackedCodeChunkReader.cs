using System.Buffers.Binary;
using Genomics.Parquet.Compression;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;
using Genomics.Parquet.Writing;

namespace Genomics.Parquet.Reading;

/// <summary>
/// Reads a dictionary-encoded LIST&lt;INT8&gt; chunk of equal-length lists straight into packed 2-bit codes
/// (<see cref="PackedCodeListArray"/>), walking levels as runs and moving indices 28 at a time, never one
/// value at a time. Returns null whenever the chunk does not have that shape, so the caller can fall back
/// to the general reader.
/// </summary>
internal static class PackedCodeChunkReader
{
    public static PackedCodeListArray? TryRead(ReadOnlyMemory<byte> chunk, long chunkOffset, ColumnMetaData meta, ParquetField field, long rowCount, IReadOnlyDictionary<sbyte, int> codeOfValue, int nullCode)
    {
        if (!field.IsList || field.Element!.IsList || field.Element.ValueType != ParquetValueType.Int8 || nullCode is < 0 or > 3)
        {
            return null;
        }

        var maxDefinition = (field.Nullable ? 1 : 0) + 1 + (field.Element.Nullable ? 1 : 0);
        var present = maxDefinition;
        var nullElement = field.Element.Nullable ? maxDefinition - 1 : -1;
        using var codec = PageCodec.ForReading(meta.Codec, chunkOffset);
        using var output = new ByteBuffer(1 << 16);
        int[]? remap = null;
        var identity = true;
        var listLength = -1;
        long rows = 0, nulls = 0, levelsRead = 0;
        var pos = 0;
        byte[] scratch = [];
        try
        {
            while (levelsRead < meta.NumValues)
            {
                var reader = new ThriftCompactReader(chunk[pos..], chunkOffset + pos);
                var header = PageHeader.Read(reader);
                pos += reader.Position;
                var headerOffset = chunkOffset + pos;
                if (header.CompressedPageSize < 0 || header.CompressedPageSize > chunk.Length - pos || header.UncompressedPageSize < 0)
                {
                    return null;
                }

                var body = chunk.Span.Slice(pos, header.CompressedPageSize);
                pos += header.CompressedPageSize;
                ReadOnlySpan<byte> repData, defData, values;
                int n;
                Encoding encoding;
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        {
                            var count = header.DictionaryPageHeader?.NumValues ?? -1;
                            if (count is < 1 or > 4 || header.UncompressedPageSize != count * 4)
                            {
                                return null;
                            }

                            var plain = ColumnChunkReader.Decompress(codec, body, header.UncompressedPageSize, ref scratch, headerOffset);
                            remap = new int[4];
                            Array.Fill(remap, -1);
                            for (var i = 0; i < count; i++)
                            {
                                var v = BinaryPrimitives.ReadInt32LittleEndian(plain[(i * 4)..]);
                                remap[i] = v is >= sbyte.MinValue and <= sbyte.MaxValue && codeOfValue.TryGetValue((sbyte)v, out var code) ? code : -1;
                                identity &= remap[i] < 0 || remap[i] == i;
                            }

                            continue;
                        }

                    case PageType.DataPage when header.DataPageHeader is { } dh:
                        {
                            n = dh.NumValues;
                            encoding = dh.Encoding;
                            var data = ColumnChunkReader.Decompress(codec, body, header.UncompressedPageSize, ref scratch, headerOffset);
                            var o = 0;
                            repData = ColumnChunkReader.LengthPrefixedLevels(data, ref o, headerOffset);
                            defData = ColumnChunkReader.LengthPrefixedLevels(data, ref o, headerOffset);
                            values = data[o..];
                            break;
                        }

                    case PageType.DataPageV2 when header.DataPageHeaderV2 is { } dh:
                        {
                            n = dh.NumValues;
                            encoding = dh.Encoding;
                            var levelBytes = dh.RepetitionLevelsByteLength + dh.DefinitionLevelsByteLength;
                            if (dh.RepetitionLevelsByteLength < 0 || dh.DefinitionLevelsByteLength < 0 || levelBytes > body.Length)
                            {
                                return null;
                            }

                            repData = body[..dh.RepetitionLevelsByteLength];
                            defData = body.Slice(dh.RepetitionLevelsByteLength, dh.DefinitionLevelsByteLength);
                            var compressed = body[levelBytes..];
                            values = dh.IsCompressed == false ? compressed : ColumnChunkReader.Decompress(codec, compressed, header.UncompressedPageSize - levelBytes, ref scratch, headerOffset);
                            break;
                        }

                    default:
                        return null;
                }

                if (remap is null || encoding is not (Encoding.RleDictionary or Encoding.PlainDictionary) || n < 0 || n > meta.NumValues - levelsRead)
                {
                    return null;
                }

                if (values.Length > 0 && values[0] != PackedCodeListArray.BitWidth)
                {
                    return null;
                }

                var page = AssemblePage(repData, defData, values.Length > 0 ? values[1..] : values, n, present, nullElement, nullCode, output, ref listLength);
                if (page is null)
                {
                    return null;
                }

                rows += page.Value.Rows;
                nulls += page.Value.Nulls;
                levelsRead += n;
            }
        }
        finally
        {
            ColumnChunkReader.ReturnIfRented(scratch);
        }

        if (rows != rowCount || remap is null || listLength < 0)
        {
            return null;
        }

        var packed = output.WrittenSpan.ToArray();
        var dictionary = new sbyte[4];
        foreach (var (value, code) in codeOfValue)
        {
            if (code is >= 0 and < 4)
            {
                dictionary[code] = value;
            }
        }

        // Stored indices become the caller's codes; an index the caller has no code for may not occur.
        if (!Remap(packed, (int)rows, listLength, remap, identity, nullCode, nulls))
        {
            return null;
        }

        return new PackedCodeListArray(packed, (int)rows, listLength, dictionary, nullCode);
    }

    private static (long Rows, long Nulls)? AssemblePage(ReadOnlySpan<byte> repData, ReadOnlySpan<byte> defData, ReadOnlySpan<byte> indices, int n, int present, int nullElement, int nullCode, ByteBuffer output, ref int listLength)
    {
        var rep = new LevelRunReader(repData, 1);
        var def = new LevelRunReader(defData, BitWidth.For((ulong)present));
        var codes = new CodeStream(indices);
        var writer = new CodeBitWriter(output);
        var nullPattern = 0x5555555555555555UL * (ulong)nullCode;
        long rows = 0, nulls = 0;
        var inRow = -1L;
        var left = (long)n;
        (uint Value, long Count) repRun = (0, 0), defRun = (0, 0);
        while (left > 0)
        {
            if (repRun.Count == 0)
            {
                repRun = rep.Next(left);
            }

            if (defRun.Count == 0)
            {
                defRun = def.Next(left);
            }

            if (repRun.Value > 1 || defRun.Value > present)
            {
                return null;
            }

            var take = repRun.Value == 0 ? 1 : Math.Min(repRun.Count, defRun.Count);
            if (repRun.Value == 0)
            {
                // A new list: close the previous one on a byte boundary.
                if (inRow >= 0 && !EndRow(ref writer, inRow, ref listLength))
                {
                    return null;
                }

                inRow = 0;
                rows++;
            }

            if (defRun.Value == present)
            {
                codes.CopyTo(ref writer, take);
            }
            else if ((int)defRun.Value == nullElement)
            {
                for (var k = take; k > 0; k -= 32)
                {
                    writer.Append(nullPattern, (int)Math.Min(32, k) * 2);
                }

                nulls += take;
            }
            else
            {
                // Null or empty lists have no place in equal-length packed rows.
                return null;
            }

            inRow += take;
            repRun.Count -= take;
            defRun.Count -= take;
            left -= take;
        }

        if (inRow >= 0 && !EndRow(ref writer, inRow, ref listLength))
        {
            return null;
        }

        return (rows, nulls);
    }

    private static bool EndRow(ref CodeBitWriter writer, long length, ref int listLength)
    {
        writer.Flush();
        if (listLength < 0)
        {
            listLength = (int)length;
        }

        return length == listLength;
    }

    private static bool Remap(byte[] packed, int rows, int listLength, int[] remap, bool identity, int nullCode, long nulls)
    {
        if (remap[nullCode] >= 0)
        {
            // The index chosen for nulls also stands for a value: they could not be told apart.
            return false;
        }

        var bytesPerRow = (listLength + 3) / 4;
        Span<byte> lut = stackalloc byte[256];
        var valid = true;
        for (var b = 0; b < 256; b++)
        {
            var mapped = 0;
            for (var k = 0; k < 4; k++)
            {
                var idx = (b >> (2 * k)) & 3;
                mapped |= (idx == nullCode ? nullCode : Math.Max(0, remap[idx])) << (2 * k);
            }

            lut[b] = (byte)mapped;
        }

        long nullCodes = 0;
        for (var r = 0; r < rows; r++)
        {
            var row = packed.AsSpan(r * bytesPerRow, bytesPerRow);
            // Every stored index must have a code; nulls are exactly the null-code positions.
            for (var c = 0; c < 4 && valid; c++)
            {
                if (c != nullCode && remap[c] < 0 && PackedCodePages.CountCode(row, listLength, c) > 0)
                {
                    valid = false;
                }
            }

            nullCodes += PackedCodePages.CountCode(row, listLength, nullCode);
            if (!identity)
            {
                foreach (ref var b in row)
                {
                    b = lut[b];
                }
            }
        }

        return valid && nullCodes == nulls;
    }
}
