using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Encodings;

/// <summary>
/// Writes levels as RLE runs only (a run of one value is a legal RLE run). For levels that are long runs
/// broken by rare single values (present genotypes around missing ones) this costs a few bytes per break
/// and no bit packing at all, so building the stream is as cheap as counting the runs.
/// </summary>
internal struct RleRunWriter(ByteBuffer output)
{
    private int _value = -1;
    private long _count;

    public long Length { get; private set; }

    public void Add(int value, long count)
    {
        if (count <= 0)
        {
            return;
        }

        Length += count;
        if (value == _value)
        {
            _count += count;
            return;
        }

        Flush();
        _value = value;
        _count = count;
    }

    /// <summary>Writes the pending run (levels here are at most 8 bits wide: one value byte).</summary>
    public void Flush()
    {
        while (_count > 0)
        {
            var n = Math.Min(_count, int.MaxValue >> 1);
            output.WriteUleb128((ulong)n << 1);
            output.WriteByte((byte)_value);
            _count -= n;
        }
    }
}
