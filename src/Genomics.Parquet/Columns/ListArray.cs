namespace Genomics.Parquet;

/// <summary>
/// A LIST column: slot i holds the child slots Offsets[i]..Offsets[i + 1] (an empty range is an empty list;
/// a null slot is a null list whatever its range).
/// </summary>
public sealed class ListArray : ColumnArray
{
    public ListArray(ReadOnlyMemory<int> offsets, ColumnArray values, ReadOnlyMemory<bool>? validity = null)
        : base(Math.Max(0, offsets.Length - 1), validity)
    {
        if (offsets.Length == 0)
        {
            throw new ArgumentException("Offsets need at least one entry.", nameof(offsets));
        }

        var o = offsets.Span;
        if (o[^1] > values.Length || o[0] < 0)
        {
            throw new ArgumentException($"List offsets run to {o[^1]} but the child has {values.Length} slots.", nameof(offsets));
        }

        Offsets = offsets;
        Values = values;
    }

    public ReadOnlyMemory<int> Offsets { get; }

    public ColumnArray Values { get; }
}
