using System.Buffers.Binary;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Appends bit fields to a buffer, least significant bit first (Parquet bit-packing order). Whole 64-bit
/// words are merged at any bit offset, so copying packed rows that do not end on a byte boundary costs
/// about one shift per 8 bytes.
/// </summary>
internal struct CodeBitWriter(ByteBuffer output)
{
    private ulong _acc;
    private int _bits;

    public long BitsWritten { get; private set; }

    /// <summary>Appends the low <paramref name="count"/> bits of value (count ≤ 56).</summary>
    public void Append(ulong value, int count)
    {
        if (count == 0)
        {
            return;
        }

        _acc |= (value & ((1UL << count) - 1)) << _bits;
        _bits += count;
        BitsWritten += count;
        while (_bits >= 8)
        {
            output.WriteByte((byte)_acc);
            _acc >>= 8;
            _bits -= 8;
        }
    }

    /// <summary>Appends the first <paramref name="bitCount"/> bits of packed bytes.</summary>
    public void AppendBits(ReadOnlySpan<byte> bytes, long bitCount)
    {
        var fullBytes = (int)(bitCount / 8);
        if (_bits == 0)
        {
            output.Write(bytes[..fullBytes]);
            BitsWritten += fullBytes * 8L;
        }
        else
        {
            var i = 0;
            var dest = output.GetSpan(fullBytes + 8);
            var o = 0;
            for (; i + 8 <= fullBytes; i += 8)
            {
                var w = BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]);
                BinaryPrimitives.WriteUInt64LittleEndian(dest[o..], _acc | (w << _bits));
                o += 8;
                _acc = w >> (64 - _bits);
            }

            output.Advance(o);
            BitsWritten += i * 8L;
            for (; i < fullBytes; i++)
            {
                Append(bytes[i], 8);
            }
        }

        var rest = (int)(bitCount % 8);
        if (rest > 0)
        {
            Append(bytes[fullBytes], rest);
        }
    }

    /// <summary>Writes out a last partial byte, padded with zeros.</summary>
    public void Flush()
    {
        if (_bits > 0)
        {
            output.WriteByte((byte)_acc);
            _acc = 0;
            _bits = 0;
        }
    }
}
