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
    private uint[] _literals = new uint[64];
    private int _literalCount;

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

        var fill = (8 - (_literalCount % 8)) % 8;
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
        while (_literalCount % 8 != 0)
        {
            Push(0);
        }

        FlushLiterals();
    }

    private void AddLiterals(uint value, long count)
    {
        for (long i = 0; i < count; i++)
        {
            Push(value);
        }
    }

    private void Push(uint value)
    {
        if (_literalCount == _literals.Length)
        {
            Array.Resize(ref _literals, _literals.Length * 2);
        }

        _literals[_literalCount++] = value;
    }

    private void FlushLiterals()
    {
        var n = _literalCount;
        if (n == 0)
        {
            return;
        }

        var groups = n / 8;
        _out.WriteUleb128(((ulong)groups << 1) | 1);
        var bytes = groups * _bitWidth;
        var span = _out.GetSpan(bytes)[..bytes];
        span.Clear();
        BitPacker.Pack(_literals.AsSpan(0, n), _bitWidth, span);
        _out.Advance(bytes);
        _literalCount = 0;
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
