using System.Runtime.CompilerServices;

namespace Genomics.Vcf;

/// <summary>
/// A growable array that keeps its storage when cleared, so a batch refilled again and again stops allocating once
/// it has reached its working size.
/// </summary>
internal sealed class ValueBuffer<T>
{
    private T[] items;

    public ValueBuffer(int capacity = 16)
    {
        items = new T[Math.Max(capacity, 4)];
    }

    public int Count { get; private set; }

    public int Capacity => items.Length;

    public T[] Items => items;

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref items[index];
    }

    public Span<T> AsSpan() => items.AsSpan(0, Count);

    public ReadOnlyMemory<T> AsMemory() => items.AsMemory(0, Count);

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        if (Count == items.Length)
        {
            Grow(Count + 1);
        }

        items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<T> values) => values.CopyTo(Extend(values.Length));

    /// <summary>Appends <paramref name="count"/> slots and returns them; their contents are whatever was there before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Extend(int count)
    {
        var start = Count;
        if (start + count > items.Length)
        {
            Grow(start + count);
        }

        Count = start + count;
        return items.AsSpan(start, count);
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public void AddRepeated(T value, int count) => Extend(count).Fill(value);

    /// <summary>Drops everything after the first <paramref name="count"/> items.</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);

    private void Grow(int needed)
    {
        var size = Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * items.Length));
        Array.Resize(ref items, size);
    }
}
