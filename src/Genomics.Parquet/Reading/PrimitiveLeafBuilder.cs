using System.Buffers;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;

namespace Genomics.Parquet.Reading;

/// <summary>Slots of a fixed-width leaf; a null slot holds default(T).</summary>
internal sealed class PrimitiveLeafBuilder<T> : LeafBuilder
    where T : unmanaged
{
    private readonly GrowableArray<T> _values = new(1024);
    private GrowableArray<bool>? _validity;
    private bool _hasNulls;
    private T[]? _dictionary;

    // A null literal in a conditional would convert to an empty ReadOnlyMemory (via bool[]), not to "no mask".
    private static readonly ReadOnlyMemory<bool>? NoNulls = null;

    public override int SlotCount => _values.Count;

    public override void SetDictionary(ReadOnlySpan<byte> plain, int count, PhysicalType physical)
    {
        // Every PLAIN value takes its physical width (a bit for booleans), so a count the page cannot hold is
        // corrupt - and must be rejected before it sizes the dictionary array.
        var maxCount = typeof(T) == typeof(bool) ? plain.Length * 8L : plain.Length / PlainDecoder.Width(physical);
        if (count < 0 || count > maxCount)
        {
            throw new ParquetFormatException($"dictionary page claims {count} values in {plain.Length} bytes");
        }

        _dictionary = new T[count];
        PlainDecoder.Decode<T>(plain, Encoding.Plain, physical, _dictionary);
    }

    public override void AppendPage(ReadOnlySpan<byte> data, Encoding encoding, PhysicalType physical, int valueCount, ReadOnlySpan<bool> slotValid, bool hasNulls)
    {
        if (!hasNulls)
        {
            var dest = _values.Extend(valueCount);
            DecodeInto(data, encoding, physical, dest);
            if (_hasNulls)
            {
                _validity!.Extend(valueCount).Fill(true);
            }
            return;
        }

        var dense = ArrayPool<T>.Shared.Rent(valueCount);
        try
        {
            DecodeInto(data, encoding, physical, dense.AsSpan(0, valueCount));
            EnsureValidity();
            var slots = _values.Extend(slotValid.Length);
            var valid = _validity!.Extend(slotValid.Length);
            var k = 0;
            for (var i = 0; i < slotValid.Length; i++)
            {
                valid[i] = slotValid[i];
                slots[i] = slotValid[i] ? dense[k++] : default;
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(dense);
        }
    }

    public override ColumnArray Build() => new PrimitiveArray<T>(_values.ToMemory(), _hasNulls ? _validity!.ToMemory() : NoNulls);

    public override void Reset()
    {
        _values.Clear();
        _hasNulls = false;
        _dictionary = null;
    }

    private void EnsureValidity()
    {
        if (!_hasNulls)
        {
            _validity ??= new GrowableArray<bool>(_values.Count + 1024);
            _validity.Clear();
            _validity.Extend(_values.Count).Fill(true);
            _hasNulls = true;
        }
    }

    private void DecodeInto(ReadOnlySpan<byte> data, Encoding encoding, PhysicalType physical, Span<T> dest)
    {
        if (encoding is Encoding.RleDictionary or Encoding.PlainDictionary)
        {
            if (_dictionary is null)
            {
                throw new ParquetFormatException("a dictionary-encoded page comes without a dictionary page");
            }

            DictionaryIndices.Lookup(data, _dictionary, dest);
            return;
        }

        PlainDecoder.Decode(data, encoding, physical, dest);
    }
}
