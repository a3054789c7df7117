using System.Buffers;
using System.Buffers.Binary;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;

namespace Genomics.Parquet.Reading;

/// <summary>Slots of a BYTE_ARRAY leaf, as offsets into one data buffer; a null slot is an empty range.</summary>
internal sealed class BinaryLeafBuilder : LeafBuilder
{
    private readonly GrowableArray<int> _offsets = new(1024);
    private readonly GrowableArray<byte> _data = new(4096);
    private GrowableArray<bool>? _validity;
    private bool _hasNulls;
    private byte[] _dictionaryData = [];
    private int[]? _dictionaryOffsets;
    private readonly GrowableArray<int> _denseOffsets = new(1024);
    private readonly GrowableArray<byte> _denseData = new(4096);

    public BinaryLeafBuilder()
    {
        _offsets.Add(0);
    }

    // A null literal in a conditional would convert to an empty ReadOnlyMemory (via bool[]), not to "no mask".
    private static readonly ReadOnlyMemory<bool>? NoNulls = null;

    public override int SlotCount => _offsets.Count - 1;

    public override void SetDictionary(ReadOnlySpan<byte> plain, int count, PhysicalType physical)
    {
        if (count < 0 || count > plain.Length / 4)
        {
            throw new ParquetFormatException($"dictionary page claims {count} values in {plain.Length} bytes");
        }

        var offsets = new int[count + 1];
        var data = new GrowableArray<byte>(plain.Length);
        var pos = 0;
        for (var i = 0; i < count; i++)
        {
            var v = ReadPlain(plain, ref pos);
            v.CopyTo(data.Extend(v.Length));
            offsets[i + 1] = data.Count;
        }

        _dictionaryOffsets = offsets;
        _dictionaryData = data.Span.ToArray();
    }

    public override void AppendPage(ReadOnlySpan<byte> data, Encoding encoding, PhysicalType physical, int valueCount, ReadOnlySpan<bool> slotValid, bool hasNulls)
    {
        if (physical != PhysicalType.ByteArray)
        {
            throw new ParquetFormatException($"physical type {physical} cannot be read as bytes");
        }

        if (hasNulls && !_hasNulls)
        {
            _validity ??= new GrowableArray<bool>(SlotCount + 1024);
            _validity.Clear();
            _validity.Extend(SlotCount).Fill(true);
            _hasNulls = true;
        }

        // Values decode densely into scratch, then spread over the slots (null slots get empty ranges).
        _denseOffsets.Clear();
        _denseData.Clear();
        DecodeDense(data, encoding, valueCount);
        var dense = _denseOffsets.Span;
        var bytes = _denseData.Span;
        var k = 0;
        var slots = hasNulls ? slotValid.Length : valueCount;
        for (var slot = 0; slot < slots; slot++)
        {
            if (hasNulls && !slotValid[slot])
            {
                _offsets.Add(_data.Count);
                _validity!.Add(false);
                continue;
            }

            if (k >= valueCount)
            {
                throw new ParquetFormatException("page has fewer values than its definition levels say");
            }

            var start = k == 0 ? 0 : dense[k - 1];
            var value = bytes[start..dense[k]];
            value.CopyTo(_data.Extend(value.Length));
            _offsets.Add(_data.Count);
            if (_hasNulls)
            {
                _validity!.Add(true);
            }
            k++;
        }

        if (k != valueCount)
        {
            throw new ParquetFormatException($"page holds {valueCount} values but its levels place {k}");
        }
    }

    private void NextValue(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_denseData.Extend(value.Length));
        _denseOffsets.Add(_denseData.Count);
    }

    private void DecodeDense(ReadOnlySpan<byte> data, Encoding encoding, int valueCount)
    {
        switch (encoding)
        {
            case Encoding.Plain:
                {
                    var pos = 0;
                    for (var i = 0; i < valueCount; i++)
                    {
                        NextValue(ReadPlain(data, ref pos));
                    }

                    break;
                }

            case Encoding.RleDictionary or Encoding.PlainDictionary:
                {
                    if (_dictionaryOffsets is null)
                    {
                        throw new ParquetFormatException("a dictionary-encoded page comes without a dictionary page");
                    }

                    var indices = ArrayPool<uint>.Shared.Rent(valueCount);
                    try
                    {
                        DictionaryIndices.Decode(data, indices.AsSpan(0, valueCount), _dictionaryOffsets.Length - 1);
                        for (var i = 0; i < valueCount; i++)
                        {
                            var e = (int)indices[i];
                            NextValue(_dictionaryData.AsSpan(_dictionaryOffsets[e], _dictionaryOffsets[e + 1] - _dictionaryOffsets[e]));
                        }
                    }
                    finally
                    {
                        ArrayPool<uint>.Shared.Return(indices);
                    }

                    break;
                }

            case Encoding.DeltaLengthByteArray:
                {
                    var lengths = new long[valueCount];
                    var pos = DeltaBinaryPacked.Decode(data, lengths, out var n);
                    CheckCount(n, valueCount);
                    foreach (var len in lengths)
                    {
                        if (len < 0 || len > data.Length - pos)
                        {
                            throw new ParquetFormatException("DELTA_LENGTH_BYTE_ARRAY value runs past the page");
                        }

                        NextValue(data.Slice(pos, (int)len));
                        pos += (int)len;
                    }

                    break;
                }

            case Encoding.DeltaByteArray:
                {
                    var prefixes = new long[valueCount];
                    var pos = DeltaBinaryPacked.Decode(data, prefixes, out var n);
                    CheckCount(n, valueCount);
                    var suffixLengths = new long[valueCount];
                    pos += DeltaBinaryPacked.Decode(data[pos..], suffixLengths, out n);
                    CheckCount(n, valueCount);
                    var previous = Array.Empty<byte>();
                    for (var i = 0; i < valueCount; i++)
                    {
                        var p = prefixes[i];
                        var s = suffixLengths[i];
                        if (p < 0 || p > previous.Length || s < 0 || s > data.Length - pos)
                        {
                            throw new ParquetFormatException("DELTA_BYTE_ARRAY value runs past its data");
                        }

                        var value = new byte[p + s];
                        previous.AsSpan(0, (int)p).CopyTo(value);
                        data.Slice(pos, (int)s).CopyTo(value.AsSpan((int)p));
                        pos += (int)s;
                        NextValue(value);
                        previous = value;
                    }

                    break;
                }

            default:
                throw new ParquetFormatException($"encoding {encoding} is not supported for BYTE_ARRAY values");
        }
    }

    public override ColumnArray Build() => new BinaryArray(_offsets.ToMemory(), _data.ToMemory(), _hasNulls ? _validity!.ToMemory() : NoNulls);

    public override void Reset()
    {
        _offsets.Clear();
        _offsets.Add(0);
        _data.Clear();
        _hasNulls = false;
        _dictionaryOffsets = null;
        _dictionaryData = [];
    }

    private static void CheckCount(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new ParquetFormatException($"page holds {actual} lengths, expected {expected}");
        }
    }

    private static ReadOnlySpan<byte> ReadPlain(ReadOnlySpan<byte> data, ref int pos)
    {
        if (data.Length - pos < 4)
        {
            throw new ParquetFormatException("PLAIN BYTE_ARRAY value runs past the page");
        }

        var len = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
        pos += 4;
        if (len < 0 || len > data.Length - pos)
        {
            throw new ParquetFormatException($"PLAIN BYTE_ARRAY length {len} runs past the page");
        }

        var v = data.Slice(pos, len);
        pos += len;
        return v;
    }
}
