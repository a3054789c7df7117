using Genomics.Parquet.Compression;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Writes one column's chunk of a row group in three steps: encode every page (cut at row boundaries),
/// compress the pages (on several threads when allowed: compression is the costly step), then write the
/// dictionary page and the data pages in order. The dictionary is complete only after the last page is
/// encoded, which is why pages are held until the chunk ends.
/// </summary>
internal sealed class ColumnChunkWriter : IDisposable
{
    private const int MaxRowsPerPage = 20_000;

    private readonly ColumnPath _path;
    private readonly LeafEncoder _encoder;
    private readonly PageCodec[] _codecs;
    private readonly ParquetWriterOptions _options;
    private readonly ShreddedColumn _shredded;
    private readonly ByteBuffer _header = new(256);
    private readonly ByteBuffer _dictionary = new(1024);
    private readonly ByteBuffer _dictionaryCompressed = new(1024);
    private readonly Stack<EncodedPage> _spare = new();

    public ColumnChunkWriter(ParquetField field, ParquetWriterOptions options)
    {
        _path = new ColumnPath(field);
        _options = options;
        _encoder = LeafEncoder.Create(_path.Leaf, options);
        _codecs = [.. Enumerable.Range(0, Math.Max(1, options.CompressionThreads)).Select(_ => PageCodec.Create(options.Compression, options.CompressionLevel))];
        _shredded = new ShreddedColumn(_path);
    }

    public ColumnPath Path => _path;

    public ColumnChunkResult Write(ColumnArray column, Stream output, ref long position)
    {
        var pages = new List<EncodedPage>();
        try
        {
            var dictionary = column is PackedCodeListArray packed
                ? PackedCodePages.Encode(packed, _path, _options, pages, NewPage)
                : EncodeShredded(column, pages);
            Compress(pages);
            return Emit(pages, dictionary, output, ref position);
        }
        finally
        {
            foreach (var p in pages)
            {
                _spare.Push(p);
            }
        }
    }

    public void Dispose()
    {
        foreach (var c in _codecs)
        {
            c.Dispose();
        }

        foreach (var p in _spare)
        {
            p.Dispose();
        }

        _header.Dispose();
        _dictionary.Dispose();
        _dictionaryCompressed.Dispose();
    }

    /// <summary>The generic path: shred to levels and value ranges, then encode page by page.</summary>
    private DictionaryPage? EncodeShredded(ColumnArray column, List<EncodedPage> pages)
    {
        _shredded.Shred(column);
        _encoder.BeginChunk(_shredded);
        var usedDictionary = false;
        foreach (var (firstRow, endRow) in PageRows())
        {
            var page = NewPage(firstRow, endRow - firstRow);
            pages.Add(page);
            EncodePage(page, firstRow, endRow);
            usedDictionary |= page.Encoding == Encoding.RleDictionary;
        }

        // A page of no values can be dictionary-encoded before the dictionary gets its first entry (and it may never
        // get one, when the next value overflows it): such a chunk still needs its (empty) dictionary page.
        if (!usedDictionary)
        {
            return null;
        }

        _dictionary.Clear();
        _encoder.WriteDictionary(_dictionary);
        return new DictionaryPage(_dictionary, _encoder.DictionaryCount);
    }

    private void EncodePage(EncodedPage page, int firstRow, int endRow)
    {
        var levelStart = _shredded.RowLevelStart(firstRow);
        var levelCount = _shredded.RowLevelStart(endRow) - levelStart;
        var valueStart = _shredded.RowValueStart(firstRow);
        var valueCount = _shredded.RowValueStart(endRow) - valueStart;
        var stats = _options.WriteStatistics ? new PageStatistics { NullCount = levelCount - valueCount } : null;
        page.NumValues = checked((int)levelCount);
        page.NumNulls = checked((int)(levelCount - valueCount));
        page.Statistics = stats;
        var v2 = _options.DataPageV2;
        var levels = v2 ? page.Levels : page.Body;
        page.RepetitionLength = WriteLevels(levels, _shredded.Repetition, levelStart, levelCount, _path.MaxRepetition, prefixLength: !v2);
        page.DefinitionLength = WriteLevels(levels, _shredded.Definition, levelStart, levelCount, _path.MaxDefinition, prefixLength: !v2);
        page.Encoding = _encoder.EncodePage(_shredded, valueStart, valueCount, page.Body, stats);
    }

    private EncodedPage NewPage(int firstRow, int rows)
    {
        if (_spare.TryPop(out var page))
        {
            page.Reset(firstRow, rows);
            return page;
        }

        return new EncodedPage(firstRow, rows);
    }

    private void Compress(List<EncodedPage> pages)
    {
        if (_codecs.Length == 1 || pages.Count < 2)
        {
            foreach (var p in pages)
            {
                _codecs[0].Compress(p.Body.WrittenSpan, p.Compressed);
            }

            return;
        }

        // Each worker owns one codec (compression contexts are not thread-safe) and takes pages in turn.
        var next = -1;
        Parallel.For(0, _codecs.Length, new ParallelOptions { MaxDegreeOfParallelism = _codecs.Length }, worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < pages.Count)
            {
                _codecs[worker].Compress(pages[i].Body.WrittenSpan, pages[i].Compressed);
            }
        });
    }

    private ColumnChunkResult Emit(List<EncodedPage> pages, DictionaryPage? dictionary, Stream output, ref long position)
    {
        var chunkStats = _options.WriteStatistics ? new PageStatistics() : null;
        var pageStats = new List<PageStatistics>();
        var locations = new List<PageLocation>();
        var encodingCounts = new Dictionary<(PageType, Encoding), int>();
        var encodings = new SortedSet<Encoding>();
        long uncompressedTotal = 0;
        var chunkStart = position;
        long? dictionaryOffset = null;
        var comparer = dictionary?.Comparer ?? _encoder;

        if (dictionary is not null)
        {
            _dictionaryCompressed.Clear();
            _codecs[0].Compress(dictionary.Plain.WrittenSpan, _dictionaryCompressed);
            WriteHeader(new PageHeader
            {
                Type = PageType.DictionaryPage,
                UncompressedPageSize = dictionary.Plain.Length,
                CompressedPageSize = _dictionaryCompressed.Length,
                DictionaryPageHeader = new DictionaryPageHeader { NumValues = dictionary.Count, Encoding = Encoding.Plain },
            });
            dictionaryOffset = position;
            output.Write(_header.WrittenSpan);
            output.Write(_dictionaryCompressed.WrittenSpan);
            position += _header.Length + _dictionaryCompressed.Length;
            uncompressedTotal += _header.Length + dictionary.Plain.Length;
            encodings.Add(Encoding.Plain);
            Count(encodingCounts, (PageType.DictionaryPage, Encoding.Plain));
        }

        var dataOffset = position;
        var v2 = _options.DataPageV2;
        foreach (var p in pages)
        {
            var stats = p.Statistics?.ToThrift();
            WriteHeader(v2
                ? new PageHeader
                {
                    Type = PageType.DataPageV2,
                    UncompressedPageSize = p.Levels.Length + p.Body.Length,
                    CompressedPageSize = p.Levels.Length + p.Compressed.Length,
                    DataPageHeaderV2 = new DataPageHeaderV2
                    {
                        NumValues = p.NumValues,
                        NumNulls = p.NumNulls,
                        NumRows = p.Rows,
                        Encoding = p.Encoding,
                        DefinitionLevelsByteLength = p.DefinitionLength,
                        RepetitionLevelsByteLength = p.RepetitionLength,
                        IsCompressed = _codecs[0].Codec != CompressionCodec.Uncompressed,
                        Statistics = stats,
                    },
                }
                : new PageHeader
                {
                    Type = PageType.DataPage,
                    UncompressedPageSize = p.Body.Length,
                    CompressedPageSize = p.Compressed.Length,
                    DataPageHeader = new DataPageHeader
                    {
                        NumValues = p.NumValues,
                        Encoding = p.Encoding,
                        DefinitionLevelEncoding = Encoding.Rle,
                        RepetitionLevelEncoding = Encoding.Rle,
                        Statistics = stats,
                    },
                });
            var pageStart = position;
            output.Write(_header.WrittenSpan);
            output.Write(p.Levels.WrittenSpan);
            output.Write(p.Compressed.WrittenSpan);
            position += _header.Length + p.Levels.Length + p.Compressed.Length;
            uncompressedTotal += _header.Length + p.Levels.Length + p.Body.Length;
            locations.Add(new PageLocation { Offset = pageStart, CompressedPageSize = (int)(position - pageStart), FirstRowIndex = p.FirstRow });
            encodings.Add(p.Encoding);
            Count(encodingCounts, (v2 ? PageType.DataPageV2 : PageType.DataPage, p.Encoding));
            if (p.Statistics is not null)
            {
                pageStats.Add(p.Statistics);
                Merge(chunkStats!, p.Statistics, comparer);
            }
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
            Codec = _codecs[0].Codec,
            NumValues = pages.Sum(p => (long)p.NumValues),
            TotalUncompressedSize = uncompressedTotal,
            TotalCompressedSize = position - chunkStart,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = chunkStats?.ToThrift(),
            EncodingStats = [.. encodingCounts.Select(kv => new PageEncodingStats { PageType = kv.Key.Item1, Encoding = kv.Key.Item2, Count = kv.Value })],
        };
        var chunk = new ColumnChunk { FileOffset = chunkStart, MetaData = meta };
        return new ColumnChunkResult(chunk, _options.WriteStatistics ? BuildColumnIndex(pageStats, comparer) : null, new OffsetIndex { PageLocations = locations });
    }

    private static void Count(Dictionary<(PageType, Encoding), int> counts, (PageType, Encoding) key)
        => counts[key] = counts.GetValueOrDefault(key) + 1;

    private IEnumerable<(int First, int End)> PageRows()
    {
        var rows = _shredded.RowCount;
        var bytesPerValue = EstimatedValueBytes();
        var first = 0;
        while (first < rows)
        {
            // A page grows one row at a time while it stays under the row and byte limits; the byte test only turns
            // false as rows are added, so the page's end is found by bisection: the first row that fails the test.
            var firstValue = _shredded.RowValueStart(first);
            int lo = first + 1, hi = Math.Min(rows, first + MaxRowsPerPage);
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if ((_shredded.RowValueStart(mid + 1) - firstValue) * bytesPerValue <= _options.DataPageSize)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            yield return (first, lo);
            first = lo;
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

    /// <summary>RLE-encodes a page's levels; V1 pages prefix them with a 4-byte length.</summary>
    internal static int WriteLevels(ByteBuffer target, LevelRuns runs, long start, long count, int maxLevel, bool prefixLength)
    {
        if (maxLevel == 0)
        {
            return 0;
        }

        var lengthAt = target.Length;
        if (prefixLength)
        {
            target.WriteInt32LittleEndian(0);
        }

        var begin = target.Length;
        var encoder = new RleHybridEncoder(target, BitWidth.For((ulong)maxLevel));
        runs.ForEachRun(start, count, ref encoder);
        encoder.Finish();
        var length = target.Length - begin;
        if (prefixLength)
        {
            BitConverter.TryWriteBytes(target.WrittenRange(lengthAt, 4), length);
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

    private static void Merge(PageStatistics chunk, PageStatistics page, IStatisticsComparer comparer)
    {
        chunk.NullCount += page.NullCount;
        if (page.Min is not null && (chunk.Min is null || comparer.CompareStatistics(page.Min, chunk.Min) < 0))
        {
            chunk.Min = page.Min;
            chunk.MinExact = page.MinExact;
        }

        if (page.Max is not null && (chunk.Max is null || comparer.CompareStatistics(page.Max, chunk.Max) > 0))
        {
            chunk.Max = page.Max;
            chunk.MaxExact = page.MaxExact;
        }
    }

    private static ColumnIndex BuildColumnIndex(List<PageStatistics> pages, IStatisticsComparer comparer)
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
                ascending &= comparer.CompareStatistics(prevMin, p.Min!) <= 0 && comparer.CompareStatistics(prevMax!, p.Max!) <= 0;
                descending &= comparer.CompareStatistics(prevMin, p.Min!) >= 0 && comparer.CompareStatistics(prevMax!, p.Max!) >= 0;
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
