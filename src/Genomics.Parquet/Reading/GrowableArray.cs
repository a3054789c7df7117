using System.Runtime.InteropServices;

namespace Genomics.Parquet.Reading;

/// <summary>An append-only array that hands out spans to fill in place.</summary>
internal sealed class GrowableArray<T>
{
    private T[] _items;

    public GrowableArray(int capacity = 16)
    {
        _items = new T[Math.Max(1, capacity)];
    }

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    public T[] Items => _items;

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow(1);
        }

        _items[Count++] = item;
    }

    /// <summary>Extends by n items and returns them for filling.</summary>
    public Span<T> Extend(int n)
    {
        if (_items.Length - Count < n)
        {
            Grow(n);
        }

        var s = _items.AsSpan(Count, n);
        Count += n;
        return s;
    }

    public void Clear() => Count = 0;

    public ReadOnlyMemory<T> ToMemory() => _items.AsMemory(0, Count);

    private void Grow(int extra)
    {
        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_items.Length * 2, (long)Count + extra));
        if (size < Count + extra)
        {
            throw new ParquetFormatException("column chunk too large to read into one array");
        }

        Array.Resize(ref _items, size);
    }

    internal static GrowableArray<T> From(List<T> list)
    {
        var g = new GrowableArray<T>(list.Count);
        CollectionsMarshal.AsSpan(list).CopyTo(g.Extend(list.Count));
        return g;
    }
}
