using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Fixed-width numbers. sbyte and short are stored as INT32 (with an INT(8)/INT(16) annotation); dictionary
/// keys are the values' bit patterns so -0.0 and NaN payloads survive.
/// </summary>
internal sealed class NumericLeafEncoder<T> : LeafEncoder
    where T : unmanaged, INumber<T>
{
    private const int Chunk = 4096;

    // Integer values in [DenseBase, DenseBase + DenseSpan) are looked up in a flat table instead of the hash map:
    // per-sample FORMAT values (depths, qualities, likelihoods) are small integers, and hashing every one of them
    // was the largest cost of converting a VCF with FORMAT fields.
    private const long DenseBase = -1024;
    private const int DenseSpan = 1 << 16;

    private static readonly bool IsFloat = typeof(T) == typeof(float) || typeof(T) == typeof(double);
    private static readonly bool Widened = typeof(T) == typeof(sbyte) || typeof(T) == typeof(short);

    private readonly Int64IndexTable _dictionary = new();
    private readonly List<T> _entries = [];
    private SmallIntDictionary? _small;

    // Dictionary index + 1 per dense-range value (0 = not in the dictionary); integer types only, allocated on first use.
    private int[]? _dense;

    private uint[] _indices = [];
    private long[] _deltaValues = [];
    private int _dictionaryBytes;

    // Indices mapped but not yet packed: packing works in whole groups of 8 across value slices.
    private int _pending;

    public NumericLeafEncoder(ParquetWriterOptions options, ParquetColumnEncoding requested)
        : base(options, requested)
    {
    }

    public override PhysicalType PhysicalType =>
        typeof(T) == typeof(long) ? PhysicalType.Int64
        : typeof(T) == typeof(float) ? PhysicalType.Float
        : typeof(T) == typeof(double) ? PhysicalType.Double
        : PhysicalType.Int32;

    public override int DictionaryCount => _small?.Count ?? _entries.Count;

    private static int PhysicalWidth => typeof(T) == typeof(long) || typeof(T) == typeof(double) ? 8 : 4;

    public override void BeginChunk(ShreddedColumn column)
    {
        if (_dense is not null)
        {
            foreach (var entry in _entries)
            {
                var offset = Bits(entry) - DenseBase;
                if ((ulong)offset < DenseSpan)
                {
                    _dense[offset] = 0;
                }
            }
        }

        _dictionary.Clear();
        _entries.Clear();
        _small = null;
        _dictionaryBytes = 0;
        DictionaryActive = Options.UseDictionary && Requested == ParquetColumnEncoding.Auto && column.ValueCount > 0;
        if (DictionaryActive && typeof(T) == typeof(sbyte))
        {
            // Int8 columns (genotypes) get a dictionary of their distinct values in ascending order,
            // found with a presence table rather than hashing every value.
            var leaf = (PrimitiveArray<sbyte>)column.Leaf;
            _small = SmallIntDictionary.Build(leaf.Values.Span, column.ValueSlices(0, column.ValueCount));
        }
    }

    public override Encoding EncodePage(ShreddedColumn column, long start, long count, ByteBuffer body, PageStatistics? stats)
    {
        var values = ((PrimitiveArray<T>)column.Leaf).Values.Span;
        if (stats is not null)
        {
            UpdateStats(values, column.ValueSlices(start, count), stats);
        }

        if (Requested == ParquetColumnEncoding.Delta && (typeof(T) == typeof(int) || typeof(T) == typeof(long) || Widened))
        {
            EncodeDelta(values, column.ValueSlices(start, count), count, body);
            return Encoding.DeltaBinaryPacked;
        }

        if (DictionaryActive)
        {
            if (_small is not null)
            {
                EncodeSmallDictionary(MemoryMarshal.Cast<T, sbyte>(values), column.ValueSlices(start, count), count, body);
                return Encoding.RleDictionary;
            }

            var mark = body.Length;
            if (TryEncodeHashDictionary(values, column.ValueSlices(start, count), count, body))
            {
                return Encoding.RleDictionary;
            }

            body.Truncate(mark);
            DictionaryActive = false;
        }

        EncodePlain(values, column.ValueSlices(start, count), body);
        return Encoding.Plain;
    }

    public override int CompareStatistics(byte[] a, byte[] b) => Compare(Decode(a), Decode(b));

    public override void WriteDictionary(ByteBuffer body)
    {
        if (_small is not null)
        {
            foreach (var v in _small.Values)
            {
                body.WriteInt32LittleEndian(v);
            }

            return;
        }

        EncodePlain(CollectionsMarshal.AsSpan(_entries), [(0, _entries.Count)], body);
    }

    private static void EncodePlain(ReadOnlySpan<T> values, IEnumerable<(int Start, int Count)> slices, ByteBuffer body)
    {
        foreach (var (s, n) in slices)
        {
            var span = values.Slice(s, n);
            if (!Widened)
            {
                body.Write(MemoryMarshal.AsBytes(span));
                continue;
            }

            var dest = MemoryMarshal.Cast<byte, int>(body.GetSpan(n * 4)[..(n * 4)]);
            for (var i = 0; i < span.Length; i++)
            {
                dest[i] = int.CreateTruncating(span[i]);
            }

            body.Advance(n * 4);
        }
    }

    private void EncodeDelta(ReadOnlySpan<T> values, IEnumerable<(int Start, int Count)> slices, long count, ByteBuffer body)
    {
        // Reused across pages, like the dictionary indices.
        if (_deltaValues.Length < count)
        {
            _deltaValues = new long[Math.Max(count, _deltaValues.Length * 2L)];
        }

        var longs = _deltaValues.AsSpan(0, checked((int)count));
        var o = 0;
        foreach (var (s, n) in slices)
        {
            foreach (var v in values.Slice(s, n))
            {
                longs[o++] = long.CreateTruncating(v);
            }
        }

        DeltaBinaryPacked.Encode(longs, body);
    }

    private void EncodeSmallDictionary(ReadOnlySpan<sbyte> values, IEnumerable<(int Start, int Count)> slices, long count, ByteBuffer body)
    {
        var width = Math.Max(1, BitWidth.For((ulong)Math.Max(0, _small!.Count - 1)));
        Span<byte> indices = stackalloc byte[Chunk];
        var headerWritten = false;
        long bytes = 0;
        if (count == 0)
        {
            body.WriteByte((byte)width);
            return;
        }

        foreach (var (s, n) in slices)
        {
            // Slices other than the last may end mid-group; carry the partial group into the next slice.
            var span = values.Slice(s, n);
            while (span.Length > 0)
            {
                var take = Math.Min(Chunk - _pending, span.Length);
                _small.Map(span[..take], indices.Slice(_pending, take));
                _pending += take;
                span = span[take..];
                var whole = _pending & ~7;
                if (whole > 0)
                {
                    WriteIndices(indices[..whole], width, body, ref headerWritten, count);
                    bytes += whole / 8 * width;
                    indices.Slice(whole, _pending - whole).CopyTo(indices);
                    _pending -= whole;
                }
            }
        }

        if (_pending > 0)
        {
            WriteIndices(indices[.._pending], width, body, ref headerWritten, count);
            bytes += BitPacker.ByteCount(_pending, width);
            _pending = 0;
        }

        FinishIndices(count, width, body, bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryEncodeHashDictionary(ReadOnlySpan<T> values, IEnumerable<(int Start, int Count)> slices, long count, ByteBuffer body)
    {
        // One buffer per encoder, grown as needed: a fresh array per page put megabytes a page on the large-object
        // heap and made the FORMAT columns of a VCF conversion trigger a full collection every few pages.
        if (_indices.Length < count)
        {
            _indices = new uint[Math.Max(count, _indices.Length * 2L)];
        }

        var indices = _indices.AsSpan(0, checked((int)count));
        var o = 0;
        var dense = IsFloat ? null : (_dense ??= new int[DenseSpan]);
        foreach (var (s, n) in slices)
        {
            foreach (var v in values.Slice(s, n))
            {
                var key = Bits(v);
                var offset = key - DenseBase;
                if (dense is not null && (ulong)offset < DenseSpan)
                {
                    var slot = dense[offset] - 1;
                    if (slot < 0)
                    {
                        if (_dictionaryBytes + PhysicalWidth > Options.DictionaryPageSizeLimit)
                        {
                            return false;
                        }

                        slot = _entries.Count;
                        dense[offset] = slot + 1;
                        _entries.Add(v);
                        _dictionaryBytes += PhysicalWidth;
                    }

                    indices[o++] = (uint)slot;
                    continue;
                }

                var index = _dictionary.Find(key, out var free);
                if (index < 0)
                {
                    if (_dictionaryBytes + PhysicalWidth > Options.DictionaryPageSizeLimit)
                    {
                        return false;
                    }

                    index = _entries.Count;
                    _dictionary.Insert(free, key, index);
                    _entries.Add(v);
                    _dictionaryBytes += PhysicalWidth;
                }

                indices[o++] = (uint)index;
            }
        }

        // The dictionary may still grow in later pages, so the width is set by this page's own largest index.
        uint max = 0;
        foreach (var i in indices)
        {
            max = Math.Max(max, i);
        }

        var width = Math.Max(1, BitWidth.For(max));
        WriteUIntIndices(indices, width, body);
        return true;
    }

    internal static void WriteUIntIndices(ReadOnlySpan<uint> indices, int width, ByteBuffer body)
    {
        body.WriteByte((byte)width);
        if (indices.Length == 0)
        {
            return;
        }

        var groups = (indices.Length + 7) / 8;
        body.WriteUleb128(((ulong)groups << 1) | 1);
        var bytes = groups * width;
        var span = body.GetSpan(bytes)[..bytes];
        span.Clear();
        BitPacker.Pack(indices, width, span);
        body.Advance(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Bits(T v)
    {
        if (typeof(T) == typeof(double))
        {
            return BitConverter.DoubleToInt64Bits((double)(object)v);
        }

        if (typeof(T) == typeof(float))
        {
            return BitConverter.SingleToInt32Bits((float)(object)v);
        }

        return long.CreateTruncating(v);
    }

    private static void UpdateStats(ReadOnlySpan<T> values, IEnumerable<(int Start, int Count)> slices, PageStatistics stats)
    {
        var any = false;
        T min = default, max = default;
        foreach (var (s, n) in slices)
        {
            var span = values.Slice(s, n);
            if (!IsFloat)
            {
                Kernels.MinMax.Of(span, out var lo, out var hi);
                if (!any || lo < min)
                {
                    min = lo;
                }

                if (!any || hi > max)
                {
                    max = hi;
                }

                any = true;
                continue;
            }

            foreach (var v in span)
            {
                if (T.IsNaN(v))
                {
                    // NaN has no place in an ordering; statistics leave it out.
                    continue;
                }

                if (!any || v < min)
                {
                    min = v;
                }

                if (!any || v > max)
                {
                    max = v;
                }

                any = true;
            }
        }

        if (!any)
        {
            return;
        }

        if (IsFloat)
        {
            // A zero minimum is written as -0.0 and a zero maximum as +0.0, so readers never prune a signed zero.
            if (T.IsZero(min))
            {
                min = -T.Zero;
            }

            if (T.IsZero(max))
            {
                max = T.Zero;
            }
        }

        Merge(stats, min, max);
    }

    private static void Merge(PageStatistics stats, T min, T max)
    {
        if (stats.Min is null || Compare(Decode(stats.Min), min) > 0)
        {
            stats.Min = Encode(min);
        }

        if (stats.Max is null || Compare(Decode(stats.Max), max) < 0)
        {
            stats.Max = Encode(max);
        }
    }

    private static int Compare(T a, T b) => a < b ? -1 : a > b ? 1 : 0;

    private static byte[] Encode(T v)
    {
        if (Widened)
        {
            return BitConverter.GetBytes(int.CreateTruncating(v));
        }

        var bytes = new byte[PhysicalWidth];
        MemoryMarshal.Write(bytes, in v);
        return bytes;
    }

    private static T Decode(byte[] bytes) => Widened
        ? T.CreateTruncating(BitConverter.ToInt32(bytes))
        : MemoryMarshal.Read<T>(bytes);
}
