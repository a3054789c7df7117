using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Encodings;

/// <summary>
/// Writes the RLE/bit-packed hybrid encoding from runs. Runs of at least 8 become RLE runs; shorter ones
/// are gathered into bit-packed groups of 8. A long run first lends values to fill the pending group, so
/// the literal section always ends on a group boundary before an RLE run starts.
/// </summary>
internal sealed class RleHybridEncoder : IRunVisitor
{
    private const int MinRleRun = 8;

    private readonly ByteBuffer _out;
    private readonly int _bitWidth;
    private readonly int _valueBytes;
    private readonly List<uint> _literals = [];
    private uint[] _scratch = new uint[64];

    public RleHybridEncoder(ByteBuffer output, int bitWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bitWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitWidth, 32);
        _out = output;
        _bitWidth = bitWidth;
        _valueBytes = (bitWidth + 7) / 8;
    }

    public void Run(int value, long count) => Add((uint)value, count);

    public void Add(uint value, long count)
    {
        if (count <= 0)
        {
            return;
        }

        if (count < MinRleRun)
        {
            AddLiterals(value, count);
            return;
        }

        var fill = (8 - (_literals.Count % 8)) % 8;
        if (fill > 0)
        {
            AddLiterals(value, fill);
            count -= fill;
        }

        FlushLiterals();
        if (count >= MinRleRun)
        {
            WriteRle(value, count);
        }
        else
        {
            AddLiterals(value, count);
        }
    }

    /// <summary>Flushes pending values; a last partial group is padded with zeros (readers stop at num_values).</summary>
    public void Finish()
    {
        while (_literals.Count % 8 != 0)
        {
            _literals.Add(0);
        }

        FlushLiterals();
    }

    private void AddLiterals(uint value, long count)
    {
        for (long i = 0; i < count; i++)
        {
            _literals.Add(value);
        }
    }

    private void FlushLiterals()
    {
        var n = _literals.Count;
        if (n == 0)
        {
            return;
        }

        var groups = n / 8;
        _out.WriteUleb128(((ulong)groups << 1) | 1);
        if (_scratch.Length < n)
        {
            _scratch = new uint[n];
        }

        _literals.CopyTo(_scratch);
        var bytes = groups * _bitWidth;
        var span = _out.GetSpan(bytes);
        span[..bytes].Clear();
        BitPacker.Pack(_scratch.AsSpan(0, n), _bitWidth, span);
        _out.Advance(bytes);
        _literals.Clear();
    }

    private void WriteRle(uint value, long count)
    {
        // A header's run length is a ULEB128 of count << 1; split absurdly long runs to stay within int range for readers.
        while (count > 0)
        {
            var n = Math.Min(count, int.MaxValue >> 1);
            _out.WriteUleb128((ulong)n << 1);
            for (var b = 0; b < _valueBytes; b++)
            {
                _out.WriteByte((byte)(value >> (8 * b)));
            }

            count -= n;
        }
    }
}
