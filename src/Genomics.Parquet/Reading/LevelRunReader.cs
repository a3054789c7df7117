namespace Genomics.Parquet.Reading;

/// <summary>
/// Reads an RLE/bit-packed level stream as runs: an RLE run comes back whole, a bit-packed group value
/// by value. Dense list columns have a few runs per row, so walking levels costs O(rows), not O(values).
/// </summary>
internal ref struct LevelRunReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private int _pos;
    private long _rleLeft;
    private uint _rleValue;
    private long _packedLeft;
    private long _packedBit;

    public LevelRunReader(ReadOnlySpan<byte> data, int bitWidth)
    {
        _data = data;
        _bitWidth = bitWidth;
    }

    /// <summary>The next run of equal values, at most max long.</summary>
    public (uint Value, long Count) Next(long max)
    {
        if (_bitWidth == 0)
        {
            return (0, max);
        }

        while (true)
        {
            if (_rleLeft > 0)
            {
                var n = Math.Min(_rleLeft, max);
                _rleLeft -= n;
                return (_rleValue, n);
            }

            if (_packedLeft > 0)
            {
                _packedLeft--;
                var v = ReadBits(_packedBit, _bitWidth);
                _packedBit += _bitWidth;
                return (v, 1);
            }

            ReadHeader();
        }
    }

    private readonly uint ReadBits(long bit, int width)
    {
        var byteIndex = (int)(bit >> 3);
        ulong acc = 0;
        var needed = (int)(((bit & 7) + width + 7) >> 3);
        if (byteIndex + needed > _data.Length)
        {
            throw new ParquetFormatException("bit-packed levels run past the end of the page");
        }

        for (var b = 0; b < needed; b++)
        {
            acc |= (ulong)_data[byteIndex + b] << (8 * b);
        }

        return (uint)(acc >> (int)(bit & 7)) & ((1u << width) - 1);
    }

    private void ReadHeader()
    {
        var header = Encodings.Uleb128.Read(_data, ref _pos, "level data");

        if ((header & 1) == 0)
        {
            _rleLeft = (long)(header >> 1);
            var bytes = (_bitWidth + 7) / 8;
            if (_rleLeft == 0 || _pos + bytes > _data.Length)
            {
                throw new ParquetFormatException("malformed RLE level run");
            }

            _rleValue = 0;
            for (var b = 0; b < bytes; b++)
            {
                _rleValue |= (uint)_data[_pos++] << (8 * b);
            }
        }
        else
        {
            var groups = (long)(header >> 1);
            if (groups == 0)
            {
                throw new ParquetFormatException("bit-packed level run of zero groups");
            }

            _packedLeft = groups * 8;
            _packedBit = (long)_pos * 8;
            _pos = (int)Math.Min(_data.Length, _pos + (groups * _bitWidth));
        }
    }
}
