using System.Runtime.CompilerServices;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// BYTE_ARRAY values (strings, binary). The dictionary is an open-addressing table over the entries'
/// bytes, so no string is allocated per value. Statistics compare bytes as unsigned, as Parquet orders
/// UTF-8 and binary; values longer than <see cref="MaxStatisticsLength"/> are truncated in statistics.
/// </summary>
internal sealed class ByteArrayLeafEncoder : LeafEncoder
{
    private const int MaxStatisticsLength = 64;

    private readonly ByteBuffer _entries = new(1024);
    private readonly List<int> _entryOffsets = [];
    private int[] _table = new int[1024];
    private uint[] _indices = [];
    private int _count;

    public ByteArrayLeafEncoder(ParquetWriterOptions options, ParquetColumnEncoding requested)
        : base(options, requested)
    {
    }

    public override PhysicalType PhysicalType => PhysicalType.ByteArray;

    public override int DictionaryCount => _count;

    public override void BeginChunk(ShreddedColumn column)
    {
        _entries.Clear();
        _entryOffsets.Clear();
        Array.Fill(_table, -1);
        _count = 0;
        DictionaryActive = Options.UseDictionary && Requested == ParquetColumnEncoding.Auto && column.ValueCount > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Encoding EncodePage(ShreddedColumn column, long start, long count, ByteBuffer body, PageStatistics? stats)
    {
        var leaf = (BinaryArray)column.Leaf;
        if (stats is not null)
        {
            UpdateStats(leaf, column.ValueSlices(start, count), stats);
        }

        if (DictionaryActive)
        {
            // One index buffer per encoder, grown as needed: a fresh one per page is a large-object allocation.
            if (_indices.Length < count)
            {
                _indices = new uint[Math.Max(count, _indices.Length * 2L)];
            }

            var indices = _indices.AsSpan(0, checked((int)count));
            var o = 0;
            var ok = true;

            // Summary-like columns repeat a value over consecutive rows (a site's strings once per cohort): a value
            // equal to the previous one has the previous one's index, found without hashing.
            ReadOnlySpan<byte> previous = default;
            var previousIndex = -1;
            var offsets = leaf.Offsets.Span;
            var data = leaf.Data.Span;
            foreach (var (s, n) in column.ValueSlices(start, count))
            {
                for (var i = s; i < s + n && ok; i++)
                {
                    var bytes = data[offsets[i]..offsets[i + 1]];
                    if (previousIndex >= 0 && bytes.SequenceEqual(previous))
                    {
                        indices[o++] = (uint)previousIndex;
                        continue;
                    }

                    var index = FindOrAdd(bytes);
                    if (index < 0)
                    {
                        ok = false;
                        break;
                    }

                    indices[o++] = (uint)index;
                    previous = bytes;
                    previousIndex = index;
                }
            }

            if (ok)
            {
                uint max = 0;
                foreach (var i in indices)
                {
                    max = Math.Max(max, i);
                }

                NumericLeafEncoder<int>.WriteUIntIndices(indices, Math.Max(1, Encodings.BitWidth.For(max)), body);
                return Encoding.RleDictionary;
            }

            DictionaryActive = false;
        }

        foreach (var (s, n) in column.ValueSlices(start, count))
        {
            for (var i = s; i < s + n; i++)
            {
                var bytes = leaf.GetBytes(i);
                body.WriteInt32LittleEndian(bytes.Length);
                body.Write(bytes);
            }
        }

        return Encoding.Plain;
    }

    public override int CompareStatistics(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);

    public override void WriteDictionary(ByteBuffer body) => body.Write(_entries.WrittenSpan);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindOrAdd(ReadOnlySpan<byte> value)
    {
        var hash = new HashCode();
        hash.AddBytes(value);
        var mask = _table.Length - 1;
        var slot = hash.ToHashCode() & mask;
        while (true)
        {
            var e = _table[slot];
            if (e < 0)
            {
                break;
            }

            if (Entry(e).SequenceEqual(value))
            {
                return e;
            }

            slot = (slot + 1) & mask;
        }

        if (_entries.Length + 4 + value.Length > Options.DictionaryPageSizeLimit)
        {
            return -1;
        }

        var index = _count++;
        _entryOffsets.Add(_entries.Length);
        _entries.WriteInt32LittleEndian(value.Length);
        _entries.Write(value);
        _table[slot] = index;
        if (_count * 2 > _table.Length)
        {
            Rehash();
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Entry(int index)
    {
        var o = _entryOffsets[index];
        var len = BitConverter.ToInt32(_entries.WrittenSpan.Slice(o, 4));
        return _entries.WrittenSpan.Slice(o + 4, len);
    }

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        Array.Fill(_table, -1);
        var mask = _table.Length - 1;
        for (var e = 0; e < _count; e++)
        {
            var hash = new HashCode();
            hash.AddBytes(Entry(e));
            var slot = hash.ToHashCode() & mask;
            while (_table[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = e;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateStats(BinaryArray leaf, IEnumerable<(int Start, int Count)> slices, PageStatistics stats)
    {
        int minIndex = -1, maxIndex = -1;
        ReadOnlySpan<byte> previous = default, least = default, greatest = default;
        var offsets = leaf.Offsets.Span;
        var data = leaf.Data.Span;
        foreach (var (s, n) in slices)
        {
            for (var i = s; i < s + n; i++)
            {
                var v = data[offsets[i]..offsets[i + 1]];

                // A repeat of the value just compared changes neither bound (ties keep the first index).
                if (minIndex >= 0 && v.SequenceEqual(previous))
                {
                    continue;
                }

                previous = v;
                if (minIndex < 0 || v.SequenceCompareTo(least) < 0)
                {
                    minIndex = i;
                    least = v;
                }

                if (maxIndex < 0 || v.SequenceCompareTo(greatest) > 0)
                {
                    maxIndex = i;
                    greatest = v;
                }
            }
        }

        if (minIndex < 0)
        {
            return;
        }

        var min = leaf.GetBytes(minIndex);
        if (stats.Min is null || min.SequenceCompareTo(stats.Min) < 0)
        {
            // A prefix sorts before the value, so a truncated minimum is still a lower bound.
            stats.MinExact = min.Length <= MaxStatisticsLength;
            stats.Min = min[..Math.Min(min.Length, MaxStatisticsLength)].ToArray();
        }

        var max = leaf.GetBytes(maxIndex);
        if (stats.Max is null || max.SequenceCompareTo(stats.Max) > 0)
        {
            var upper = max.Length <= MaxStatisticsLength ? max.ToArray() : TruncatedUpperBound(max);
            stats.MaxExact = max.Length <= MaxStatisticsLength || upper.Length > MaxStatisticsLength;
            stats.Max = upper;
        }
    }

    /// <summary>The shortest prefix with its last byte incremented sorts after the value; all-0xFF prefixes keep the full value.</summary>
    private static byte[] TruncatedUpperBound(ReadOnlySpan<byte> value)
    {
        var prefix = value[..MaxStatisticsLength].ToArray();
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                prefix[i]++;
                return prefix[..(i + 1)];
            }
        }

        return value.ToArray();
    }
}
