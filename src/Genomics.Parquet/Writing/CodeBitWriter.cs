using System.Buffers.Binary;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Appends bit fields to a buffer, least significant bit first (Parquet bit-packing order), through a
/// 64-bit accumulator written out eight bytes at a time; copying packed rows that do not start on a byte
/// boundary costs about one shift per 8 bytes.
/// </summary>
internal struct CodeBitWriter(ByteBuffer output)
{
    private ulong _acc;
    private int _bits;

    /// <summary>Appends the low <paramref name="count"/> bits of value (count ≤ 64).</summary>
    public void Append(ulong value, int count)
    {
        if (count == 0)
        {
            return;
        }

        if (count < 64)
        {
            value &= (1UL << count) - 1;
        }

        _acc |= value << _bits;
        var total = _bits + count;
        if (total < 64)
        {
            _bits = total;
            return;
        }

        WriteWord(_acc);
        // The bits of value that did not fit (a shift by 64 would be a shift by 0 in C#).
        _acc = _bits == 0 ? 0 : value >> (64 - _bits);
        _bits = total - 64;
    }

    /// <summary>Appends the first <paramref name="bitCount"/> bits of packed bytes.</summary>
    public void AppendBits(ReadOnlySpan<byte> bytes, long bitCount)
    {
        var words = (int)(bitCount / 64);
        if (_bits == 0)
        {
            output.Write(bytes[..(words * 8)]);
        }
        else
        {
            for (var i = 0; i < words; i++)
            {
                Append(BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]), 64);
            }
        }

        var rest = (int)(bitCount - (words * 64L));
        if (rest > 0)
        {
            var tail = bytes.Slice(words * 8, (rest + 7) / 8);
            ulong w = 0;
            for (var k = 0; k < tail.Length; k++)
            {
                w |= (ulong)tail[k] << (8 * k);
            }

            Append(w, rest);
        }
    }

    /// <summary>Writes out the bits still held, padding the last byte with zeros.</summary>
    public void Flush()
    {
        while (_bits > 0)
        {
            output.WriteByte((byte)_acc);
            _acc >>= 8;
            _bits = Math.Max(0, _bits - 8);
        }
    }

    private readonly void WriteWord(ulong word)
    {
        var span = output.GetSpan(8);
        BinaryPrimitives.WriteUInt64LittleEndian(span, word);
        output.Advance(8);
    }
}
