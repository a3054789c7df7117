using System.Buffers;
using System.Buffers.Binary;
using Genomics.Parquet.Compression;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Reading;

/// <summary>Reads one column chunk's pages (dictionary, DataPage V1 and V2) and assembles its values.</summary>
internal static class ColumnChunkReader
{
    public static ColumnArray Read(ReadOnlyMemory<byte> chunk, long chunkOffset, ColumnMetaData meta, ParquetField field, long rowCount, ColumnAssembler assembler)
    {
        using var codec = PageCodec.ForReading(meta.Codec, chunkOffset);
        var pos = 0;
        long levelsRead = 0;
        var physical = meta.Type;
        byte[] page = [];
        uint[] rep = [];
        uint[] def = [];
        try
        {
            while (levelsRead < meta.NumValues)
            {
                if (pos >= chunk.Length)
                {
                    throw new ParquetFormatException($"column '{field.Name}' chunk ends after {levelsRead} of {meta.NumValues} values", chunkOffset + pos);
                }

                var reader = new ThriftCompactReader(chunk[pos..], chunkOffset + pos);
                var header = PageHeader.Read(reader);
                pos += reader.Position;
                var headerOffset = chunkOffset + pos;
                if (header.CompressedPageSize < 0 || header.CompressedPageSize > chunk.Length - pos || header.UncompressedPageSize < 0)
                {
                    throw new ParquetFormatException($"page of {header.CompressedPageSize} bytes runs past its column chunk", headerOffset);
                }

                var body = chunk.Span.Slice(pos, header.CompressedPageSize);
                pos += header.CompressedPageSize;
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        {
                            var dh = header.DictionaryPageHeader ?? throw new ParquetFormatException("dictionary page without its header", headerOffset);
                            var plain = Decompress(codec, body, header.UncompressedPageSize, ref page, headerOffset);
                            assembler.Leaf.SetDictionary(plain, dh.NumValues, physical);
                            break;
                        }

                    case PageType.DataPage:
                        {
                            var dh = header.DataPageHeader ?? throw new ParquetFormatException("data page without its header", headerOffset);
                            var data = Decompress(codec, body, header.UncompressedPageSize, ref page, headerOffset);
                            var n = CheckCount(dh.NumValues, meta.NumValues - levelsRead, headerOffset);
                            Grow(ref rep, n);
                            Grow(ref def, n);
                            var offset = 0;
                            if (assembler.MaxRepetition > 0)
                            {
                                offset += DecodeLevelsV1(data[offset..], assembler.MaxRepetition, rep.AsSpan(0, n), headerOffset);
                            }

                            if (assembler.MaxDefinition > 0)
                            {
                                offset += DecodeLevelsV1(data[offset..], assembler.MaxDefinition, def.AsSpan(0, n), headerOffset);
                            }

                            AppendValues(assembler, data[offset..], dh.Encoding, physical, rep, def, n, headerOffset);
                            levelsRead += n;
                            break;
                        }

                    case PageType.DataPageV2:
                        {
                            var dh = header.DataPageHeaderV2 ?? throw new ParquetFormatException("data page V2 without its header", headerOffset);
                            var n = CheckCount(dh.NumValues, meta.NumValues - levelsRead, headerOffset);
                            var levelBytes = (long)dh.RepetitionLevelsByteLength + dh.DefinitionLevelsByteLength;
                            if (dh.RepetitionLevelsByteLength < 0 || dh.DefinitionLevelsByteLength < 0 || levelBytes > body.Length)
                            {
                                throw new ParquetFormatException("data page V2 level lengths exceed the page", headerOffset);
                            }

                            Grow(ref rep, n);
                            Grow(ref def, n);
                            var repData = body[..dh.RepetitionLevelsByteLength];
                            var defData = body.Slice(dh.RepetitionLevelsByteLength, dh.DefinitionLevelsByteLength);
                            DecodeLevels(repData, assembler.MaxRepetition, rep.AsSpan(0, n), headerOffset);
                            DecodeLevels(defData, assembler.MaxDefinition, def.AsSpan(0, n), headerOffset);
                            var valuesCompressed = body[(int)levelBytes..];
                            var valuesSize = header.UncompressedPageSize - (int)levelBytes;
                            if (valuesSize < 0)
                            {
                                throw new ParquetFormatException("data page V2 is smaller than its levels", headerOffset);
                            }

                            ReadOnlySpan<byte> values = dh.IsCompressed == false
                                ? valuesCompressed
                                : Decompress(codec, valuesCompressed, valuesSize, ref page, headerOffset);
                            AppendValues(assembler, values, dh.Encoding, physical, rep, def, n, headerOffset);
                            levelsRead += n;
                            break;
                        }

                    default:
                        // Index pages and unknown page types carry nothing we need.
                        break;
                }
            }
        }
        finally
        {
            ReturnIfRented(page);
            ReturnIfRented(rep);
            ReturnIfRented(def);
        }

        var result = assembler.Build();
        if (result.Length != rowCount)
        {
            throw new ParquetFormatException($"column '{field.Name}' holds {result.Length} rows, its row group says {rowCount}", chunkOffset);
        }

        return result;
    }

    private static void AppendValues(ColumnAssembler assembler, ReadOnlySpan<byte> data, Encoding encoding, PhysicalType physical, uint[] rep, uint[] def, int n, long offset)
    {
        try
        {
            if (assembler.MaxDefinition == 0 && assembler.MaxRepetition == 0)
            {
                assembler.Leaf.AppendPage(data, encoding, physical, n, default, hasNulls: false);
                return;
            }

            if (assembler.MaxDefinition == 0)
            {
                def.AsSpan(0, n).Clear();
            }

            var valid = assembler.Apply(assembler.MaxRepetition > 0 ? rep.AsSpan(0, n) : default, def.AsSpan(0, n));
            var values = valid.Count(true);
            assembler.Leaf.AppendPage(data, encoding, physical, values, valid, hasNulls: values != valid.Length);
        }
        catch (ParquetFormatException e) when (e.Offset < 0)
        {
            throw new ParquetFormatException(e.Message, offset, e);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException)
        {
            throw new ParquetFormatException("corrupt page values: " + e.Message, offset, e);
        }
    }

    private static int DecodeLevelsV1(ReadOnlySpan<byte> data, int maxLevel, Span<uint> output, long offset)
    {
        var consumed = 0;
        DecodeLevels(LengthPrefixedLevels(data, ref consumed, offset), maxLevel, output, offset);
        return consumed;
    }

    /// <summary>A DataPage V1 level block: a 4-byte length, then that many bytes; moves position past it.</summary>
    internal static ReadOnlySpan<byte> LengthPrefixedLevels(ReadOnlySpan<byte> data, scoped ref int position, long offset)
    {
        if (data.Length - position < 4)
        {
            throw new ParquetFormatException("level data lacks its length prefix", offset);
        }

        var len = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
        if (len < 0 || len > data.Length - position - 4)
        {
            throw new ParquetFormatException($"level data of {len} bytes runs past the page", offset);
        }

        var levels = data.Slice(position + 4, len);
        position += 4 + len;
        return levels;
    }

    private static void DecodeLevels(ReadOnlySpan<byte> data, int maxLevel, Span<uint> output, long offset)
    {
        if (maxLevel == 0)
        {
            output.Clear();
            return;
        }

        try
        {
            new RleHybridDecoder(data, BitWidth.For((ulong)maxLevel)).Decode(output);
        }
        catch (ParquetFormatException e) when (e.Offset < 0)
        {
            throw new ParquetFormatException("corrupt levels: " + e.Message, offset, e);
        }
    }

    /// <summary>A page body decompressed into a pooled buffer (grown as needed), its claimed size checked before anything is allocated.</summary>
    internal static ReadOnlySpan<byte> Decompress(PageCodec codec, ReadOnlySpan<byte> body, int size, scoped ref byte[] buffer, long offset)
    {
        if (codec.Codec == CompressionCodec.Uncompressed)
        {
            if (body.Length != size)
            {
                throw new ParquetFormatException($"uncompressed page is {body.Length} bytes, header says {size}", offset);
            }

            return body;
        }

        try
        {
            codec.CheckDecompressedSize(body, size);
            Grow(ref buffer, size);
            codec.Decompress(body, buffer.AsSpan(0, size));
        }
        catch (ParquetFormatException e) when (e.Offset < 0)
        {
            throw new ParquetFormatException(e.Message, offset, e);
        }

        return buffer.AsSpan(0, size);
    }

    private static int CheckCount(int n, long remaining, long offset)
    {
        if (n < 0 || n > remaining)
        {
            throw new ParquetFormatException($"page claims {n} values where at most {remaining} remain in the chunk", offset);
        }

        return n;
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            ReturnIfRented(array);
            array = ArrayPool<T>.Shared.Rent(size);
        }
    }

    internal static void ReturnIfRented<T>(T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }
}
