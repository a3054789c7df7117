using Genomics.Parquet.Format;

namespace Genomics.Parquet.Reading;

/// <summary>
/// Collects a leaf column's slots while pages are read: values arrive densely (non-null only) and are
/// spread over the slots the levels say are present.
/// </summary>
internal abstract class LeafBuilder
{
    public abstract int SlotCount { get; }

    /// <summary>Loads the chunk's dictionary page (PLAIN-encoded).</summary>
    public abstract void SetDictionary(ReadOnlySpan<byte> plain, int count, PhysicalType physical);

    /// <summary>
    /// Decodes <paramref name="valueCount"/> values from a page body and appends them as slots; where
    /// <paramref name="slotValid"/> is given, its false entries become null slots between them.
    /// </summary>
    public abstract void AppendPage(ReadOnlySpan<byte> data, Encoding encoding, PhysicalType physical, int valueCount, ReadOnlySpan<bool> slotValid, bool hasNulls);

    public abstract ColumnArray Build();

    /// <summary>Empties the builder, keeping its arrays for the next chunk.</summary>
    public abstract void Reset();

    public static LeafBuilder Create(ParquetValueType type) => type switch
    {
        ParquetValueType.Boolean => new PrimitiveLeafBuilder<bool>(),
        ParquetValueType.Int8 => new PrimitiveLeafBuilder<sbyte>(),
        ParquetValueType.Int16 => new PrimitiveLeafBuilder<short>(),
        ParquetValueType.Int32 => new PrimitiveLeafBuilder<int>(),
        ParquetValueType.Int64 => new PrimitiveLeafBuilder<long>(),
        ParquetValueType.Float => new PrimitiveLeafBuilder<float>(),
        ParquetValueType.Double => new PrimitiveLeafBuilder<double>(),
        ParquetValueType.String or ParquetValueType.Binary => new BinaryLeafBuilder(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
