using System.Buffers.Binary;
using Genomics.Parquet.Format;
using Genomics.Parquet.Tests.Corruption;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>
/// What a written file's metadata must say about the rows it holds: value counts, null counts and min/max
/// statistics of each column chunk, and a page index whose entries point at the chunk's data pages.
/// </summary>
internal static class FileInvariants
{
    public static void Check(byte[] file, ParquetSchema schema, IReadOnlyList<ColumnArray[]> written, ParquetWriterOptions options)
    {
        var (meta, footerStart, _) = FileSurgery.Footer(file);
        for (var g = 0; g < written.Count; g++)
        {
            for (var c = 0; c < schema.Fields.Count; c++)
            {
                var where = $"{schema.Fields[c]} (row group {g})";
                var chunk = meta.RowGroups[g].Columns[c];
                var cm = chunk.MetaData!;
                var rows = ColumnComparer.Values(written[g][c]);
                var levels = rows.Sum(LevelCount);
                var values = rows.SelectMany(Leaves).ToList();
                Assert.True(levels == cm.NumValues, $"{where}: num_values {cm.NumValues}, expected {levels}");
                if (options.WriteStatistics)
                {
                    var stats = cm.Statistics!;
                    Assert.True(stats.NullCount == levels - values.Count, $"{where}: null_count {stats.NullCount}, expected {levels - values.Count}");
                    CheckMinMax(schema.Fields[c].Leaf.ValueType!.Value, values, stats, where);
                }

                var pages = FileSurgery.Pages(file, cm).Where(p => p.Header.Type is PageType.DataPage or PageType.DataPageV2).ToList();
                if (options.WritePageIndex)
                {
                    CheckOffsetIndex(file, footerStart, chunk, pages, rows.Count, where);
                    if (options.WriteStatistics)
                    {
                        var ci = ReadIndex(file, footerStart, chunk.ColumnIndexOffset!.Value, chunk.ColumnIndexLength!.Value, ColumnIndex.Read);
                        Assert.Equal(pages.Count, ci.NullPages.Count);
                        Assert.Equal(pages.Count, ci.MinValues.Count);
                        Assert.Equal(pages.Count, ci.NullCounts!.Count);
                    }
                }
                else
                {
                    Assert.Null(chunk.OffsetIndexOffset);
                    Assert.Null(chunk.ColumnIndexOffset);
                }
            }
        }
    }

    private static void CheckOffsetIndex(byte[] file, int footerStart, ColumnChunk chunk, List<PageInfo> pages, int rows, string where)
    {
        var oi = ReadIndex(file, footerStart, chunk.OffsetIndexOffset!.Value, chunk.OffsetIndexLength!.Value, OffsetIndex.Read);
        Assert.True(pages.Count == oi.PageLocations.Count, $"{where}: {oi.PageLocations.Count} page locations for {pages.Count} data pages");
        long previousFirstRow = -1;
        for (var i = 0; i < pages.Count; i++)
        {
            var loc = oi.PageLocations[i];
            Assert.True(loc.Offset == pages[i].Offset, $"{where}: page {i} at {pages[i].Offset}, offset index says {loc.Offset}");
            Assert.Equal(pages[i].HeaderLength + pages[i].BodyLength, loc.CompressedPageSize);
            Assert.True(i == 0 ? loc.FirstRowIndex == 0 : loc.FirstRowIndex > previousFirstRow, $"{where}: page {i} first row {loc.FirstRowIndex}");
            Assert.True(loc.FirstRowIndex < rows);
            previousFirstRow = loc.FirstRowIndex;
        }
    }

    private static T ReadIndex<T>(byte[] file, int footerStart, long offset, int length, Func<ThriftCompactReader, T> read)
    {
        // Page indexes sit between the last row group and the footer.
        Assert.InRange(offset, 4, footerStart - length);
        var reader = new ThriftCompactReader(file.AsMemory((int)offset, length), offset);
        var index = read(reader);
        Assert.Equal(length, reader.Position);
        return index;
    }

    private static void CheckMinMax(ParquetValueType type, List<object> values, Statistics stats, string where)
    {
        if (type is ParquetValueType.Float or ParquetValueType.Double)
        {
            var numbers = values.Select(v => type == ParquetValueType.Float ? BitConverter.Int32BitsToSingle((int)v) : BitConverter.Int64BitsToDouble((long)v)).Where(d => !double.IsNaN(d)).ToList();
            if (numbers.Count == 0)
            {
                Assert.True(stats.MinValue is null && stats.MaxValue is null, $"{where}: statistics for no (non-NaN) values");
                return;
            }

            double Read(byte[] b) => type == ParquetValueType.Float ? BinaryPrimitives.ReadSingleLittleEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b);
            var (min, max) = (Read(stats.MinValue!), Read(stats.MaxValue!));
            Assert.True(min == numbers.Min() && max == numbers.Max(), $"{where}: min/max {min}/{max}, expected {numbers.Min()}/{numbers.Max()}");

            // A zero minimum is stored as -0.0 and a zero maximum as +0.0 so no reader prunes a signed zero.
            Assert.True(min != 0 || double.IsNegative(min), $"{where}: zero minimum stored as +0.0");
            Assert.True(max != 0 || !double.IsNegative(max), $"{where}: zero maximum stored as -0.0");
            return;
        }

        if (values.Count == 0)
        {
            Assert.True(stats.MinValue is null && stats.MaxValue is null, $"{where}: statistics for no values");
            return;
        }

        switch (type)
        {
            case ParquetValueType.Boolean:
                Assert.Equal(values.Cast<bool>().Min() ? 1 : 0, stats.MinValue![0]);
                Assert.Equal(values.Cast<bool>().Max() ? 1 : 0, stats.MaxValue![0]);
                break;
            case ParquetValueType.Int64:
                Assert.Equal(values.Cast<long>().Min(), BinaryPrimitives.ReadInt64LittleEndian(stats.MinValue));
                Assert.Equal(values.Cast<long>().Max(), BinaryPrimitives.ReadInt64LittleEndian(stats.MaxValue));
                break;
            case ParquetValueType.Int8 or ParquetValueType.Int16 or ParquetValueType.Int32:
                Assert.Equal(values.Cast<long>().Min(), BinaryPrimitives.ReadInt32LittleEndian(stats.MinValue));
                Assert.Equal(values.Cast<long>().Max(), BinaryPrimitives.ReadInt32LittleEndian(stats.MaxValue));
                break;
            default:
                {
                    var bytes = values.Select(v => Convert.FromHexString((string)v)).ToList();
                    var min = bytes.Aggregate((a, b) => a.AsSpan().SequenceCompareTo(b) <= 0 ? a : b);
                    var max = bytes.Aggregate((a, b) => a.AsSpan().SequenceCompareTo(b) >= 0 ? a : b);

                    // Long values are truncated: the minimum to a prefix, the maximum to a larger upper bound.
                    Assert.True(min.AsSpan().StartsWith(stats.MinValue), $"{where}: min statistic is not a prefix of the minimum");
                    Assert.Equal(stats.MinValue!.Length == min.Length, stats.IsMinValueExact);
                    Assert.True(stats.MaxValue.AsSpan().SequenceCompareTo(max) >= 0, $"{where}: max statistic below the maximum");
                    if (stats.IsMaxValueExact == true)
                    {
                        Assert.Equal(max, stats.MaxValue);
                    }

                    break;
                }
        }
    }

    private static long LevelCount(object? v) => v is List<object?> list ? (list.Count == 0 ? 1 : list.Sum(LevelCount)) : 1;

    private static IEnumerable<object> Leaves(object? v) => v switch
    {
        null => [],
        List<object?> list => list.SelectMany(Leaves),
        _ => [v],
    };
}
