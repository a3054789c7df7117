using System.Buffers.Binary;
using System.Numerics;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Pages for a <see cref="PackedCodeListArray"/>: the codes are the dictionary indices, so a row without null
/// codes is copied into the page as it is; a row with nulls drops them through a shift per null and gets
/// definition-level runs around them. Repetition levels are two runs per row.
/// </summary>
internal static class PackedCodePages
{
    private const ulong EvenBits = 0x5555555555555555UL;

    public static DictionaryPage Encode(PackedCodeListArray column, ColumnPath path, ParquetWriterOptions options, List<EncodedPage> pages, Func<int, int, EncodedPage> newPage)
    {
        var element = path.Leaf;
        if (path.MaxRepetition != 1 || element.ValueType != ParquetValueType.Int8)
        {
            throw new ArgumentException($"Column '{path.Field.Name}' must be a LIST<INT8> to take packed codes.");
        }

        if (column.NullCode is not null && !element.Nullable)
        {
            throw new ArgumentException($"Column '{path.Field.Name}' has a null code but its elements are not nullable.");
        }

        var dictionary = column.Dictionary;
        var elementPresent = path.MaxDefinition;
        var emptyList = elementPresent - 1 - (element.Nullable ? 1 : 0);
        var nullCode = column.NullCode ?? -1;
        var rowsPerPage = Math.Max(1, options.DataPageSize / Math.Max(1, column.BytesPerRow));
        var bitsPerRow = (long)column.ListLength * PackedCodeListArray.BitWidth;

        var firstPage = pages.Count;
        for (var first = 0; first < column.Length; first += rowsPerPage)
        {
            pages.Add(newPage(first, Math.Min(rowsPerPage, column.Length - first)));
        }

        // Pages are independent: encode them on as many threads as compression may use.
        var context = new PageContext(column, path, options, elementPresent, emptyList, nullCode, bitsPerRow);
        Parallel.For(firstPage, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.CompressionThreads) }, i => EncodePage(pages[i], context));

        var plain = new ByteBuffer(16);
        foreach (var v in dictionary)
        {
            plain.WriteInt32LittleEndian(v);
        }

        return new DictionaryPage(plain, dictionary.Count, new Int8Comparer());
    }

    private static void EncodePage(EncodedPage page, PageContext ctx)
    {
        var (column, path, options) = (ctx.Column, ctx.Path, ctx.Options);
        var (elementPresent, emptyList, nullCode, bitsPerRow) = (ctx.ElementPresent, ctx.EmptyList, ctx.NullCode, ctx.BitsPerRow);
        var first = page.FirstRow;
        var rows = page.Rows;
        var dictionary = column.Dictionary;
        page.RepetitionRuns.Clear();
        page.DefinitionRuns.Clear();
        var repetition = new RleRunWriter(page.RepetitionRuns);
        var definition = new RleRunWriter(page.DefinitionRuns);
        var values = page.Scratch;
        values.Clear();
        values.Ensure((column.BytesPerRow * rows) + 16);
        var valueBits = new CodeBitWriter(values);
        var present = 0;
        long nulls = 0;
        for (var r = first; r < first + rows; r++)
        {
            if (column.ListLength == 0)
            {
                repetition.Add(0, 1);
                definition.Add(emptyList, 1);
                nulls++;
                continue;
            }

            repetition.Add(0, 1);
            repetition.Add(1, column.ListLength - 1);
            var row = column.Row(r);
            present |= CodesPresent(row, column.ListLength, present, nullCode);
            var rowNulls = nullCode >= 0 ? CountCode(row, column.ListLength, nullCode) : 0;
            if (rowNulls == 0)
            {
                definition.Add(elementPresent, column.ListLength);
                valueBits.AppendBits(row, bitsPerRow);
                continue;
            }

            nulls += rowNulls;
            AddRowWithNulls(row, column.ListLength, nullCode, elementPresent, ref definition, ref valueBits);
        }

        valueBits.Flush();
        var levelCount = repetition.Length;
        var valueCount = levelCount - nulls;
        page.NumValues = checked((int)levelCount);
        page.NumNulls = checked((int)nulls);
        page.Encoding = Encoding.RleDictionary;
        if (options.WriteStatistics)
        {
            page.Statistics = Statistics(present, dictionary, nulls);
        }

        repetition.Flush();
        definition.Flush();
        var levels = options.DataPageV2 ? page.Levels : page.Body;
        page.RepetitionLength = AppendLevels(levels, page.RepetitionRuns, prefixLength: !options.DataPageV2);
        page.DefinitionLength = AppendLevels(levels, page.DefinitionRuns, prefixLength: !options.DataPageV2);
        WriteIndexHeader(page.Body, valueCount);
        page.Body.Write(values.WrittenSpan);
        PadGroup(page.Body, valueCount, values.Length);
    }

    private sealed record PageContext(
        PackedCodeListArray Column, ColumnPath Path, ParquetWriterOptions Options, int ElementPresent, int EmptyList, int NullCode, long BitsPerRow);

    /// <summary>Level runs into the page; V1 pages prefix them with their 4-byte length.</summary>
    private static int AppendLevels(ByteBuffer target, ByteBuffer runs, bool prefixLength)
    {
        if (prefixLength)
        {
            target.WriteInt32LittleEndian(runs.Length);
        }

        target.Write(runs.WrittenSpan);
        return runs.Length;
    }

    private static void WriteIndexHeader(ByteBuffer body, long valueCount)
    {
        body.WriteByte(PackedCodeListArray.BitWidth);
        if (valueCount > 0)
        {
            body.WriteUleb128(((ulong)((valueCount + 7) / 8) << 1) | 1);
        }
    }

    /// <summary>The bit-packed run promised whole groups of 8 values; pad the last one.</summary>
    private static void PadGroup(ByteBuffer body, long valueCount, int written)
    {
        var expected = (valueCount + 7) / 8 * PackedCodeListArray.BitWidth;
        for (long i = written; i < expected; i++)
        {
            body.WriteByte(0);
        }
    }

    /// <summary>
    /// A row with null codes: works a 64-bit word (32 codes) at a time; words without nulls add one
    /// definition run and copy their codes whole, so only the codes around each null cost anything extra.
    /// </summary>
    private static void AddRowWithNulls(ReadOnlySpan<byte> row, int codes, int nullCode, int elementPresent, ref RleRunWriter definition, ref CodeBitWriter values)
    {
        var pattern = EvenBits * (ulong)nullCode;
        for (var i = 0; i < row.Length; i += 8)
        {
            var inWord = Math.Min(32, codes - (i * 4));
            var word = i + 8 <= row.Length ? BinaryPrimitives.ReadUInt64LittleEndian(row[i..]) : Tail(row[i..]);
            if (inWord < 32)
            {
                // Padding codes past the list's end are neither values nor nulls.
                word &= (1UL << (inWord * 2)) - 1;
            }

            var nulls = Equal(word, pattern) & ValidMask(inWord);
            if (nulls == 0)
            {
                definition.Add(elementPresent, inWord);
                values.Append(word, inWord * 2);
                continue;
            }

            var at = 0;
            var removed = 0;
            while (nulls != 0)
            {
                var code = BitOperations.TrailingZeroCount(nulls) / 2;
                definition.Add(elementPresent, code - at);
                definition.Add(elementPresent - 1, 1);
                at = code + 1;
                nulls &= nulls - 1;

                // Drop the null code: the codes above it move down one place.
                var low = (1UL << (2 * (code - removed))) - 1;
                word = (word & low) | ((word >> 2) & ~low);
                removed++;
            }

            definition.Add(elementPresent, inWord - at);
            values.Append(word, (inWord - removed) * 2);
        }
    }

    /// <summary>Counts codes equal to c among the first `codes` codes of a row.</summary>
    internal static int CountCode(ReadOnlySpan<byte> row, int codes, int c)
    {
        var pattern = EvenBits * (ulong)c;
        var count = 0;
        var i = 0;
        for (; i + 8 <= row.Length && (i + 8) * 4 <= codes; i += 8)
        {
            count += BitOperations.PopCount(Equal(BinaryPrimitives.ReadUInt64LittleEndian(row[i..]), pattern));
        }

        var remaining = codes - (i * 4);
        if (remaining > 0)
        {
            count += BitOperations.PopCount(Equal(Tail(row[i..]), pattern) & ValidMask(remaining));
        }

        return count;
    }

    /// <summary>Adds to `present` (bit k = code k seen) the non-null codes of a row; stops early once all are seen.</summary>
    private static int CodesPresent(ReadOnlySpan<byte> row, int codes, int present, int nullCode)
    {
        var all = 0xF & ~(nullCode >= 0 ? 1 << nullCode : 0);
        if ((present & all) == all)
        {
            return present;
        }

        var i = 0;
        for (; i < row.Length && (present & all) != all; i += 8)
        {
            var take = Math.Min(8, row.Length - i);
            var word = take == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(row[i..]) : Tail(row[i..]);
            var valid = ValidMask(Math.Min(32, codes - (i * 4)));
            for (var c = 0; c < 4; c++)
            {
                if (c != nullCode && (Equal(word, EvenBits * (ulong)c) & valid) != 0)
                {
                    present |= 1 << c;
                }
            }
        }

        return present;
    }

    /// <summary>Bit 2k is set where code k of the word equals the pattern's code.</summary>
    private static ulong Equal(ulong word, ulong pattern)
    {
        var y = word ^ pattern;
        return ~(y | (y >> 1)) & EvenBits;
    }

    private static ulong ValidMask(int codes) => codes >= 32 ? EvenBits : EvenBits & ((1UL << (codes * 2)) - 1);

    private static ulong Tail(ReadOnlySpan<byte> bytes)
    {
        ulong w = 0;
        for (var k = 0; k < Math.Min(8, bytes.Length); k++)
        {
            w |= (ulong)bytes[k] << (8 * k);
        }

        return w;
    }

    private static PageStatistics Statistics(int present, IReadOnlyList<sbyte> dictionary, long nulls)
    {
        var stats = new PageStatistics { NullCount = nulls };
        int? min = null, max = null;
        for (var c = 0; c < 4; c++)
        {
            if ((present & (1 << c)) != 0)
            {
                min = Math.Min(min ?? int.MaxValue, dictionary[c]);
                max = Math.Max(max ?? int.MinValue, dictionary[c]);
            }
        }

        if (min is { } lo && max is { } hi)
        {
            stats.Min = BitConverter.GetBytes(lo);
            stats.Max = BitConverter.GetBytes(hi);
        }

        return stats;
    }

    private sealed class Int8Comparer : IStatisticsComparer
    {
        public int CompareStatistics(byte[] a, byte[] b) => BitConverter.ToInt32(a).CompareTo(BitConverter.ToInt32(b));
    }
}
