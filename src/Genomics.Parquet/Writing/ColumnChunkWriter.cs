using Genomics.Parquet.Compression;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Writes one column's chunk of a row group: cuts it into pages at row boundaries, encodes levels and
/// values, compresses, and emits the dictionary page first. Data pages are buffered (compressed) until the
/// chunk ends because the dictionary is complete only then.
/// </summary>
internal sealed class ColumnChunkWriter : IDisposable
{
    private const int MaxRowsPerPage = 20_000;

    private readonly ColumnPath _path;
    private readonly LeafEncoder _encoder;
    private readonly PageCodec _codec;
    private readonly ParquetWriterOptions _options;
    private readonly ShreddedColumn _shredded;
    private readonly ByteBuffer _pages = new(1 << 16);
    private readonly ByteBuffer _body = new(1 << 16);
    private readonly ByteBuffer _values = new(1 << 16);
    private readonly ByteBuffer _compressed = new(1 << 16);
    private readonly ByteBuffer _header = new(256);

    public ColumnChunkWriter(ParquetField field, ParquetWriterOptions options)
    {
        _path = new ColumnPath(field);
        _options = options;
        _encoder = LeafEncoder.Create(_path.Leaf, options);
        _codec = PageCodec.Create(options.Compression, options.CompressionLevel);
        _shredded = new ShreddedColumn(_path);
    }

    public ColumnPath Path => _path;

    public PhysicalType PhysicalType => _encoder.PhysicalType;

    public ColumnChunkResult Write(ColumnArray column, Stream output, ref long position)
    {
        _shredded.Shred(column);
        _encoder.BeginChunk(_shredded);
        _pages.Clear();

        var chunkStats = _options.WriteStatistics ? new PageStatistics() : null;
        var pageStats = new List<PageStatistics>();
        var locations = new List<PageLocation>();
        var encodingCounts = new Dictionary<(PageType, Encoding), int>();
        var encodings = new SortedSet<Encoding>();
        long uncompressedTotal = 0;
        var usedDictionary = false;

        foreach (var (firstRow, endRow) in PageRows())
        {
            var stats = _options.WriteStatistics ? new PageStatistics() : null;
            var pageStart = _pages.Length;
            var encoding = WritePage(firstRow, endRow, stats, out var uncompressedWithHeader);
            uncompressedTotal += uncompressedWithHeader;
            usedDictionary |= encoding == Encoding.RleDictionary;
            encodings.Add(encoding);
            Count(encodingCounts, (_options.DataPageV2 ? PageType.DataPageV2 : PageType.DataPage, encoding));
            locations.Add(new PageLocation { Offset = pageStart, CompressedPageSize = _pages.Length - pageStart, FirstRowIndex = firstRow });
            if (stats is not null)
            {
                pageStats.Add(stats);
                Merge(chunkStats!, stats);
            }
        }

        // The dictionary page, when any page used it, goes first in the chunk.
        var chunkStart = position;
        long? dictionaryOffset = null;
        if (usedDictionary && _encoder.DictionaryCount > 0)
        {
            _body.Clear();
            _encoder.WriteDictionary(_body);
            _compressed.Clear();
            _codec.Compress(_body.WrittenSpan, _compressed);
            var header = new PageHeader
            {
                Type = PageType.DictionaryPage,
                UncompressedPageSize = _body.Length,
                CompressedPageSize = _compressed.Length,
                DictionaryPageHeader = new DictionaryPageHeader { NumValues = _encoder.DictionaryCount, Encoding = Encoding.Plain },
            };
            WriteHeader(header);
            dictionaryOffset = position;
            output.Write(_header.WrittenSpan);
            output.Write(_compressed.WrittenSpan);
            position += _header.Length + _compressed.Length;
            uncompressedTotal += _header.Length + _body.Length;
            encodings.Add(Encoding.Plain);
            Count(encodingCounts, (PageType.DictionaryPage, Encoding.Plain));
        }

        var dataOffset = position;
        output.Write(_pages.WrittenSpan);
        position += _pages.Length;
        foreach (var loc in locations)
        {
            loc.Offset += dataOffset;
        }

        if (_path.MaxDefinition > 0 || _path.MaxRepetition > 0)
        {
            encodings.Add(Encoding.Rle);
        }

        var meta = new ColumnMetaData
        {
            Type = _encoder.PhysicalType,
            Encodings = [.. encodings],
            PathInSchema = [.. _path.Path],
            Codec = _codec.Codec,
            NumValues = _shredded.LevelCount,
            TotalUncompressedSize = uncompressedTotal,
            TotalCompressedSize = position - chunkStart,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = chunkStats?.ToThrift(),
            EncodingStats = [.. encodingCounts.Select(kv => new PageEncodingStats { PageType = kv.Key.Item1, Encoding = kv.Key.Item2, Count = kv.Value })],
        };
        var chunk = new ColumnChunk { FileOffset = chunkStart, MetaData = meta };
        return new ColumnChunkResult(chunk, _options.WriteStatistics ? BuildColumnIndex(pageStats) : null, new OffsetIndex { PageLocations = locations });
    }

    public void Dispose()
    {
        _codec.Dispose();
        _pages.Dispose();
        _body.Dispose();
        _values.Dispose();
        _compressed.Dispose();
        _header.Dispose();
    }

    private static void Count(Dictionary<(PageType, Encoding), int> counts, (PageType, Encoding) key)
        => counts[key] = counts.GetValueOrDefault(key) + 1;

    private IEnumerable<(int First, int End)> PageRows()
    {
        var rows = _shredded.RowCount;
        if (rows == 0)
        {
            yield break;
        }

        var bytesPerValue = EstimatedValueBytes();
        var first = 0;
        while (first < rows)
        {
            var end = first + 1;
            while (end < rows && end - first < MaxRowsPerPage
                   && (_shredded.RowValueStart(end + 1) - _shredded.RowValueStart(first)) * bytesPerValue <= _options.DataPageSize)
            {
                end++;
            }

            yield return (first, end);
            first = end;
        }
    }

    private double EstimatedValueBytes() => _shredded.Leaf switch
    {
        BinaryArray b when b.Length > 0 => 4 + ((double)(b.Offsets.Span[^1] - b.Offsets.Span[0]) / b.Length),
        BinaryArray => 4,
        PrimitiveArray<bool> => 0.125,
        PrimitiveArray<long> or PrimitiveArray<double> => 8,
        _ => 4,
    };

    private Encoding WritePage(int firstRow, int endRow, PageStatistics? stats, out long uncompressedWithHeader)
    {
        var levelStart = _shredded.RowLevelStart(firstRow);
        var levelCount = _shredded.RowLevelStart(endRow) - levelStart;
        var valueStart = _shredded.RowValueStart(firstRow);
        var valueCount = _shredded.RowValueStart(endRow) - valueStart;
        var nulls = levelCount - valueCount;
        if (stats is not null)
        {
            stats.NullCount = nulls;
        }

        _body.Clear();
        _values.Clear();
        _compressed.Clear();
        var v2 = _options.DataPageV2;
        var repBytes = WriteLevels(_shredded.Repetition, levelStart, levelCount, _path.MaxRepetition, prefixLength: !v2);
        var defBytes = WriteLevels(_shredded.Definition, levelStart, levelCount, _path.MaxDefinition, prefixLength: !v2);
        var encoding = _encoder.EncodePage(_shredded, valueStart, valueCount, v2 ? _values : _body, stats);

        PageHeader header;
        if (!v2)
        {
            _codec.Compress(_body.WrittenSpan, _compressed);
            header = new PageHeader
            {
                Type = PageType.DataPage,
                UncompressedPageSize = _body.Length,
                CompressedPageSize = _compressed.Length,
                DataPageHeader = new DataPageHeader
                {
                    NumValues = checked((int)levelCount),
                    Encoding = encoding,
                    DefinitionLevelEncoding = Encoding.Rle,
                    RepetitionLevelEncoding = Encoding.Rle,
                    Statistics = stats?.ToThrift(),
                },
            };
            WriteHeader(header);
            _pages.Write(_header.WrittenSpan);
            _pages.Write(_compressed.WrittenSpan);
            uncompressedWithHeader = _header.Length + _body.Length;
            return encoding;
        }

        _codec.Compress(_values.WrittenSpan, _compressed);
        header = new PageHeader
        {
            Type = PageType.DataPageV2,
            UncompressedPageSize = _body.Length + _values.Length,
            CompressedPageSize = _body.Length + _compressed.Length,
            DataPageHeaderV2 = new DataPageHeaderV2
            {
                NumValues = checked((int)levelCount),
                NumNulls = checked((int)nulls),
                NumRows = endRow - firstRow,
                Encoding = encoding,
                DefinitionLevelsByteLength = defBytes,
                RepetitionLevelsByteLength = repBytes,
                IsCompressed = _codec.Codec != CompressionCodec.Uncompressed,
                Statistics = stats?.ToThrift(),
            },
        };
        WriteHeader(header);
        _pages.Write(_header.WrittenSpan);
        _pages.Write(_body.WrittenSpan);
        _pages.Write(_compressed.WrittenSpan);
        uncompressedWithHeader = _header.Length + _body.Length + _values.Length;
        return encoding;
    }

    /// <summary>RLE-encodes a page's levels into the body; V1 pages prefix them with a 4-byte length.</summary>
    private int WriteLevels(LevelRuns runs, long start, long count, int maxLevel, bool prefixLength)
    {
        if (maxLevel == 0)
        {
            return 0;
        }

        var lengthAt = _body.Length;
        if (prefixLength)
        {
            _body.WriteInt32LittleEndian(0);
        }

        var begin = _body.Length;
        var encoder = new RleHybridEncoder(_body, BitWidth.For((ulong)maxLevel));
        runs.ForEachRun(start, count, ref encoder);
        encoder.Finish();
        var length = _body.Length - begin;
        if (prefixLength)
        {
            BitConverter.TryWriteBytes(_body.WrittenRange(lengthAt, 4), length);
        }

        return length;
    }

    private void WriteHeader(PageHeader header)
    {
        _header.Clear();
        var w = new ThriftCompactWriter(_header);
        w.BeginStruct();
        header.WriteFields(w);
        w.EndStruct();
    }

    private void Merge(PageStatistics chunk, PageStatistics page)
    {
        chunk.NullCount += page.NullCount;
        if (page.Min is not null && (chunk.Min is null || _encoder.CompareStatistics(page.Min, chunk.Min) < 0))
        {
            chunk.Min = page.Min;
            chunk.MinExact = page.MinExact;
        }

        if (page.Max is not null && (chunk.Max is null || _encoder.CompareStatistics(page.Max, chunk.Max) > 0))
        {
            chunk.Max = page.Max;
            chunk.MaxExact = page.MaxExact;
        }
    }

    private ColumnIndex BuildColumnIndex(List<PageStatistics> pages)
    {
        var index = new ColumnIndex();
        bool ascending = true, descending = true;
        byte[]? prevMin = null, prevMax = null;
        foreach (var p in pages)
        {
            var isNull = p.Min is null;
            index.NullPages.Add(isNull);
            index.MinValues.Add(p.Min ?? []);
            index.MaxValues.Add(p.Max ?? []);
            (index.NullCounts ??= []).Add(p.NullCount);
            if (isNull)
            {
                continue;
            }

            if (prevMin is not null)
            {
                ascending &= _encoder.CompareStatistics(prevMin, p.Min!) <= 0 && _encoder.CompareStatistics(prevMax!, p.Max!) <= 0;
                descending &= _encoder.CompareStatistics(prevMin, p.Min!) >= 0 && _encoder.CompareStatistics(prevMax!, p.Max!) >= 0;
            }

            prevMin = p.Min;
            prevMax = p.Max;
        }

        index.BoundaryOrder = prevMin is null ? BoundaryOrder.Unordered
            : ascending ? BoundaryOrder.Ascending
            : descending ? BoundaryOrder.Descending
            : BoundaryOrder.Unordered;
        return index;
    }
}
