namespace Genomics.Parquet;

/// <summary>
/// Fixed-width values, one slot per entry (a null slot's value is ignored).
/// T is bool, sbyte, short, int, long, float or double, matching the field's <see cref="ParquetValueType"/>.
/// </summary>
public sealed class PrimitiveArray<T> : ColumnArray
    where T : unmanaged
{
    public PrimitiveArray(ReadOnlyMemory<T> values, ReadOnlyMemory<bool>? validity = null)
        : base(values.Length, validity)
    {
        Values = values;
    }

    public ReadOnlyMemory<T> Values { get; }
}
