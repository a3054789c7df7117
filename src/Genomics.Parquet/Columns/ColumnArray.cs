namespace Genomics.Parquet;

/// <summary>
/// Columnar values for one field over a run of rows, in the Arrow style: a validity mask
/// (absent = every slot valid) and, by subclass, the values themselves.
/// </summary>
public abstract class ColumnArray
{
    protected ColumnArray(int length, ReadOnlyMemory<bool>? validity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (validity is { } v && v.Length < length)
        {
            throw new ArgumentException($"Validity has {v.Length} entries for {length} slots.", nameof(validity));
        }

        Length = length;
        Validity = validity;
    }

    /// <summary>Number of slots (rows, or list elements when this is a list's child).</summary>
    public int Length { get; }

    /// <summary>True where the slot holds a value; null means no slot is null.</summary>
    public ReadOnlyMemory<bool>? Validity { get; }

    public bool IsValid(int index) => Validity is not { } v || v.Span[index];

    /// <summary>Number of null slots.</summary>
    public int NullCount => Validity is { } v ? v.Span[..Length].Count(false) : 0;
}
