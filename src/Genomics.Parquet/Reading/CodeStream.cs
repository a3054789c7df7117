using System.Buffers.Binary;
using Genomics.Parquet.Writing;

namespace Genomics.Parquet.Reading;

/// <summary>
/// The 2-bit dictionary indices of a page, copied out in runs: bit-packed stretches are moved 28 codes
/// per 64-bit read, RLE runs are replicated.
/// </summary>
internal ref struct CodeStream
{
    private const int Width = 2;

    private readonly ReadOnlySpan<byte> _data;
    private int _pos;
    private long _rleLeft;
    private uint _rleValue;
    private long _packedLeft;
    private long _packedBit;

    public CodeStream(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    /// <summary>Appends the next count codes.</summary>
    public void CopyTo(ref CodeBitWriter output, long count)
    {
        while (count > 0)
        {
            if (_rleLeft > 0)
            {
                var n = Math.Min(_rleLeft, count);
                var pattern = 0x5555555555555555UL * _rleValue;
                for (var left = n; left > 0; left -= 32)
                {
                    output.Append(pattern, (int)Math.Min(32, left) * Width);
                }

                _rleLeft -= n;
                count -= n;
                continue;
            }

            if (_packedLeft > 0)
            {
                var n = Math.Min(_packedLeft, count);
                var left = n;
                while (left > 0)
                {
                    var take = (int)Math.Min(28, left);
                    output.Append(Read(_packedBit, take * Width), take * Width);
                    _packedBit += take * Width;
                    left -= take;
                }

                _packedLeft -= n;
                count -= n;
                continue;
            }

            ReadHeader();
        }
    }

    private readonly ulong Read(long bit, int bits)
    {
        var byteIndex = (int)(bit >> 3);
        var shift = (int)(bit & 7);
        ulong word;
        if (byteIndex + 8 <= _data.Length)
        {
            word = BinaryPrimitives.ReadUInt64LittleEndian(_data[byteIndex..]);
        }
        else
        {
            var needed = (shift + bits + 7) >> 3;
            if (byteIndex + needed > _data.Length)
            {
                throw new ParquetFormatException("dictionary indices run past the end of the page");
            }

            word = 0;
            for (var b = 0; b < _data.Length - byteIndex; b++)
            {
                word |= (ulong)_data[byteIndex + b] << (8 * b);
            }
        }

        return word >> shift;
    }

    private void ReadHeader()
    {
        var header = Encodings.Uleb128.Read(_data, ref _pos, "dictionary indices");

        if ((header & 1) == 0)
        {
            _rleLeft = (long)(header >> 1);
            if (_rleLeft == 0 || _pos >= _data.Length)
            {
                throw new ParquetFormatException("malformed RLE run of dictionary indices");
            }

            _rleValue = _data[_pos++];
            if (_rleValue > 3)
            {
                throw new ParquetFormatException($"dictionary index {_rleValue} does not fit in 2 bits");
            }
        }
        else
        {
            var groups = (long)(header >> 1);
            if (groups == 0)
            {
                throw new ParquetFormatException("bit-packed run of zero groups");
            }

            _packedLeft = groups * 8;
            _packedBit = (long)_pos * 8;
            _pos = (int)Math.Min(_data.Length, _pos + (groups * Width));
        }
    }
}
