using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Genomics.Parquet.Thrift;

/// <summary>
/// A growable byte buffer over pooled arrays. Pages, levels and footers are assembled here before they
/// are compressed or written, so a column chunk never needs a second copy.
/// </summary>
internal sealed class ByteBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _length;

    public ByteBuffer(int initialCapacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Writable view of bytes already written, for patching a length or header in place.</summary>
    public Span<byte> WrittenRange(int start, int length) => _buffer.AsSpan(0, _length).Slice(start, length);

    /// <summary>Shortens the content to <paramref name="length"/> bytes.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(1, sizeHint));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(1, sizeHint));
        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>ULEB128, as Thrift compact and the RLE hybrid use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUleb128(ulong value)
    {
        Ensure(10);
        var b = _buffer;
        var i = _length;
        while (value >= 0x80)
        {
            b[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        b[i++] = (byte)value;
        _length = i;
    }

    public void Ensure(int extra)
    {
        if (_buffer.Length - _length < extra)
        {
            Grow(extra);
        }
    }

    private void Grow(int extra)
    {
        var needed = (long)_length + extra;
        var size = Math.Max(needed, (long)_buffer.Length * 2);
        if (size > Array.MaxLength)
        {
            size = needed <= Array.MaxLength ? Array.MaxLength : throw new InvalidOperationException("A Parquet page or chunk grew past 2 GiB; write smaller row groups.");
        }

        var next = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, _length).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }
}
