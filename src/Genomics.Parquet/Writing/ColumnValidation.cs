namespace Genomics.Parquet.Writing;

/// <summary>Checks that an array's shape and element type match its field before anything is written.</summary>
internal static class ColumnValidation
{
    public static void Check(ParquetField field, ColumnArray array)
    {
        if (!field.Nullable && array.NullCount > 0)
        {
            throw new ArgumentException($"Column '{field.Name}' is not nullable but has {array.NullCount} null slots.");
        }

        if (array is PackedCodeListArray)
        {
            if (!field.IsList || field.Element!.ValueType != ParquetValueType.Int8)
            {
                throw new ArgumentException($"Column '{field.Name}' got packed codes but is not a LIST<INT8>.");
            }

            return;
        }

        if (field.IsList)
        {
            if (array is not ListArray list)
            {
                throw new ArgumentException($"Column '{field.Name}' is a LIST but got {array.GetType().Name}.");
            }

            Check(field.Element!, list.Values);
            return;
        }

        var ok = field.ValueType switch
        {
            ParquetValueType.Boolean => array is PrimitiveArray<bool>,
            ParquetValueType.Int8 => array is PrimitiveArray<sbyte>,
            ParquetValueType.Int16 => array is PrimitiveArray<short>,
            ParquetValueType.Int32 => array is PrimitiveArray<int>,
            ParquetValueType.Int64 => array is PrimitiveArray<long>,
            ParquetValueType.Float => array is PrimitiveArray<float>,
            ParquetValueType.Double => array is PrimitiveArray<double>,
            ParquetValueType.String or ParquetValueType.Binary => array is BinaryArray,
            _ => false,
        };
        if (!ok)
        {
            throw new ArgumentException($"Column '{field.Name}' of type {field.ValueType} got {array.GetType().Name}.");
        }
    }
}
