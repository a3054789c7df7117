using System.Buffers.Binary;
using System.Numerics;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Pages for a <see cref="PackedCodeListArray"/>: the codes are the dictionary indices, so a row without null
/// codes is copied into the page as it is; a row with nulls drops them through a 256-entry table and gets
/// definition-level runs around them. Repetition levels are two runs per row.
/// </summary>
internal static class PackedCodePages
{
    private const ulong EvenBits = 0x5555555555555555UL;

    public static DictionaryPage Encode(PackedCodeListArray column, ColumnPath path, ParquetWriterOptions options, List<EncodedPage> pages)
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
        var compact = nullCode >= 0 ? CompactionTable.For(nullCode) : null;
        var rowsPerPage = Math.Max(1, options.DataPageSize / Math.Max(1, column.BytesPerRow));
        var bitsPerRow = (long)column.ListLength * PackedCodeListArray.BitWidth;

        for (var first = 0; first < column.Length; first += rowsPerPage)
        {
            var rows = Math.Min(rowsPerPage, column.Length - first);
            var page = new EncodedPage(first, rows);
            pages.Add(page);
            var repetition = new LevelRuns();
            var definition = new LevelRuns();
            var values = options.DataPageV2 ? page.Body : new ByteBuffer(column.BytesPerRow * rows + 16);
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
                AddRowWithNulls(row, column.ListLength, nullCode, elementPresent, definition, ref valueBits, compact!);
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

            var levels = options.DataPageV2 ? page.Levels : page.Body;
            page.RepetitionLength = ColumnChunkWriter.WriteLevels(levels, repetition, 0, levelCount, path.MaxRepetition, prefixLength: !options.DataPageV2);
            page.DefinitionLength = ColumnChunkWriter.WriteLevels(levels, definition, 0, levelCount, path.MaxDefinition, prefixLength: !options.DataPageV2);
            if (options.DataPageV2)
            {
                // Values were written straight into the body; the run header and width must precede them.
                PrependIndexHeader(page.Body, valueCount);
            }
            else
            {
                WriteIndexHeader(page.Body, valueCount);
                page.Body.Write(values.WrittenSpan);
                PadGroup(page.Body, valueCount, values.Length);
                values.Dispose();
            }
        }

        var plain = new ByteBuffer(16);
        foreach (var v in dictionary)
        {
            plain.WriteInt32LittleEndian(v);
        }

        return new DictionaryPage(plain, dictionary.Count, new Int8Comparer());
    }

    private static void WriteIndexHeader(ByteBuffer body, long valueCount)
    {
        body.WriteByte(PackedCodeListArray.BitWidth);
        if (valueCount > 0)
        {
            body.WriteUleb128(((ulong)((valueCount + 7) / 8) << 1) | 1);
        }
    }

    private static void PrependIndexHeader(ByteBuffer body, long valueCount)
    {
        var packed = body.WrittenSpan.ToArray();
        body.Clear();
        WriteIndexHeader(body, valueCount);
        body.Write(packed);
        PadGroup(body, valueCount, packed.Length);
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

    private static void AddRowWithNulls(ReadOnlySpan<byte> row, int codes, int nullCode, int elementPresent, LevelRuns definition, ref CodeBitWriter values, CompactionTable table)
    {
        for (var b = 0; b < row.Length; b++)
        {
            var inByte = Math.Min(4, codes - (b * 4));
            var value = row[b];
            if (inByte < 4)
            {
                // Padding codes past the list's end are neither values nor nulls.
                value = (byte)(value & ((1 << (inByte * 2)) - 1));
            }

            for (var k = 0; k < inByte; k++)
            {
                var code = (value >> (2 * k)) & 3;
                definition.Add(code == nullCode ? elementPresent - 1 : elementPresent, 1);
            }

            var (bits, count) = table.Compact(value, inByte);
            values.Append(bits, count * 2);
        }
    }

    /// <summary>Counts codes equal to c among the first `codes` codes of a row.</summary>
    private static int CountCode(ReadOnlySpan<byte> row, int codes, int c)
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

    /// <summary>For each byte of four codes: the non-null codes packed together, and how many there are.</summary>
    private sealed class CompactionTable
    {
        private static readonly CompactionTable?[] Tables = new CompactionTable?[4];
        private readonly ushort[] _bits = new ushort[256 * 5];
        private readonly byte[] _counts = new byte[256 * 5];

        private CompactionTable(int nullCode)
        {
            for (var codes = 0; codes <= 4; codes++)
            {
                for (var b = 0; b < 256; b++)
                {
                    int bits = 0, n = 0;
                    for (var k = 0; k < codes; k++)
                    {
                        var code = (b >> (2 * k)) & 3;
                        if (code != nullCode)
                        {
                            bits |= code << (2 * n);
                            n++;
                        }
                    }

                    _bits[(codes * 256) + b] = (ushort)bits;
                    _counts[(codes * 256) + b] = (byte)n;
                }
            }
        }

        public static CompactionTable For(int nullCode) => Tables[nullCode] ??= new CompactionTable(nullCode);

        public (ulong Bits, int Count) Compact(byte value, int codes) => (_bits[(codes * 256) + value], _counts[(codes * 256) + value]);
    }
}
