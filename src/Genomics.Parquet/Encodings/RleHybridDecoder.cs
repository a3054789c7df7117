namespace Genomics.Parquet.Encodings;

/// <summary>
/// Reads the RLE/bit-packed hybrid encoding. Malformed input (runs past the buffer, values too wide)
/// raises <see cref="ParquetFormatException"/>.
/// </summary>
internal ref struct RleHybridDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private readonly int _valueBytes;
    private int _pos;
    private long _rleLeft;
    private uint _rleValue;
    private int _packedLeft;
    private int _packedBitPos;
    private int _packedStart;

    public RleHybridDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new ParquetFormatException($"bit width {bitWidth} is outside 0..32");
        }

        _data = data;
        _bitWidth = bitWidth;
        _valueBytes = (bitWidth + 7) / 8;
    }

    /// <summary>Decodes exactly output.Length values.</summary>
    public void Decode(Span<uint> output)
    {
        var o = 0;
        while (o < output.Length)
        {
            if (_rleLeft > 0)
            {
                var n = (int)Math.Min(_rleLeft, output.Length - o);
                output.Slice(o, n).Fill(_rleValue);
                _rleLeft -= n;
                o += n;
                continue;
            }

            if (_packedLeft > 0)
            {
                var n = Math.Min(_packedLeft, output.Length - o);
                UnpackFrom(output.Slice(o, n));
                _packedLeft -= n;
                o += n;
                continue;
            }

            ReadHeader();
        }
    }

    private void UnpackFrom(Span<uint> output)
    {
        if (_bitWidth == 0)
        {
            output.Clear();
            return;
        }

        var mask = _bitWidth == 32 ? uint.MaxValue : (1u << _bitWidth) - 1;
        var bitPos = _packedBitPos;
        for (var i = 0; i < output.Length; i++)
        {
            var byteIndex = _packedStart + (bitPos >> 3);
            var shift = bitPos & 7;
            ulong acc = 0;
            var needed = (shift + _bitWidth + 7) >> 3;
            for (var b = 0; b < needed; b++)
            {
                acc |= (ulong)_data[byteIndex + b] << (8 * b);
            }

            output[i] = (uint)(acc >> shift) & mask;
            bitPos += _bitWidth;
        }

        _packedBitPos = bitPos;
    }

    private void ReadHeader()
    {
        var header = Uleb128.Read(_data, ref _pos, "RLE/bit-packed data");
        if ((header & 1) == 0)
        {
            _rleLeft = (long)(header >> 1);
            if (_rleLeft == 0)
            {
                throw new ParquetFormatException("RLE run of length zero");
            }

            if (_data.Length - _pos < _valueBytes)
            {
                throw new ParquetFormatException("RLE run value runs past the end of the data");
            }

            uint v = 0;
            for (var b = 0; b < _valueBytes; b++)
            {
                v |= (uint)_data[_pos++] << (8 * b);
            }

            if (_bitWidth < 32 && v >> _bitWidth != 0)
            {
                throw new ParquetFormatException($"RLE value {v} does not fit in {_bitWidth} bits");
            }

            _rleValue = v;
        }
        else
        {
            var groups = header >> 1;
            if (groups == 0)
            {
                throw new ParquetFormatException("bit-packed run of zero groups");
            }

            var bytes = groups * (ulong)_bitWidth;
            if (groups > int.MaxValue / 8 || bytes > (ulong)(_data.Length - _pos))
            {
                // Writers may end the last run early when the page's value count is reached; accept a
                // short final run but never read past the buffer.
                var available = (ulong)(_data.Length - _pos);
                if (_bitWidth == 0 || available == 0)
                {
                    throw new ParquetFormatException("bit-packed run runs past the end of the data");
                }

                groups = Math.Min(groups, (ulong)int.MaxValue / 8);
                _packedLeft = (int)Math.Min(groups * 8, available * 8 / (ulong)_bitWidth);
                _packedStart = _pos;
                _packedBitPos = 0;
                _pos = _data.Length;
                return;
            }

            _packedLeft = (int)(groups * 8);
            _packedStart = _pos;
            _packedBitPos = 0;
            _pos += (int)bytes;
        }
    }
}
