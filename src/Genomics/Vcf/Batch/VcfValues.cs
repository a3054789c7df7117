namespace Genomics.Vcf;

/// <summary>
/// A run of typed values with a validity mask, in the layout Arrow and Parquet writers take directly: slot i holds a
/// value when <c>Validity[i]</c> is true and is null otherwise (the value stored in a null slot is meaningless).
/// </summary>
public abstract class VcfValues
{
    private protected VcfValues(VcfValueType type)
    {
        Type = type;
    }

    /// <summary>The VCF type the values came from.</summary>
    public VcfValueType Type { get; }

    /// <summary>Number of slots.</summary>
    public int Count => ValidityBuffer.Count;

    /// <summary>True where the slot holds a value.</summary>
    public ReadOnlyMemory<bool> Validity => ValidityBuffer.AsMemory();

    /// <summary>Number of null slots.</summary>
    public int NullCount => Count - ValidityBuffer.AsSpan().Count(true);

    /// <summary>Approximate bytes the values take in memory (what batch sizing counts).</summary>
    public abstract long ByteSize { get; }

    private protected ValueBuffer<bool> ValidityBuffer { get; } = new();

    /// <summary>The validity storage, for the per-sample fast path (valid until the next append).</summary>
    internal bool[] ValidityItems => ValidityBuffer.Items;

    /// <summary>Whether slot <paramref name="index"/> is null.</summary>
    public bool IsNull(int index) => !ValidityBuffer[index];

    internal virtual void Clear() => ValidityBuffer.Clear();

    /// <summary>Appends <paramref name="count"/> null slots and returns the index of the first.</summary>
    internal abstract int AppendNulls(int count);

    /// <summary>Drops every slot from <paramref name="count"/> on.</summary>
    internal abstract void Truncate(int count);

    /// <summary>
    /// Moves the last row of <paramref name="samples"/> groups (starting at <paramref name="rowStart"/>, the row ending at
    /// the end of the values) from <paramref name="oldStride"/> to <paramref name="newStride"/> slots per group; new slots are null.
    /// </summary>
    internal abstract void Restride(int rowStart, int samples, int oldStride, int newStride);

    /// <summary>The same move for one buffer, values or validity.</summary>
    private protected static void Restride<T>(ValueBuffer<T> buffer, int rowStart, int samples, int oldStride, int newStride, T empty)
    {
        if (newStride > oldStride)
        {
            buffer.Extend(samples * (newStride - oldStride));
            var items = buffer.Items;
            for (var sample = samples - 1; sample >= 0; sample--)
            {
                var from = rowStart + (sample * oldStride);
                var to = rowStart + (sample * newStride);
                Array.Copy(items, from, items, to, oldStride);
                items.AsSpan(to + oldStride, newStride - oldStride).Fill(empty);
            }
        }
        else if (newStride < oldStride)
        {
            var items = buffer.Items;
            for (var sample = 0; sample < samples; sample++)
            {
                Array.Copy(items, rowStart + (sample * oldStride), items, rowStart + (sample * newStride), newStride);
            }

            buffer.Truncate(rowStart + (samples * newStride));
        }
    }
}
