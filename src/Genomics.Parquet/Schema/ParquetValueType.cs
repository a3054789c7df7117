namespace Genomics.Parquet;

/// <summary>
/// The value kinds this library writes and reads. Each maps to one Parquet physical type plus,
/// where needed, a logical type annotation (Int8 is INT32 + INT(8, signed); String is BYTE_ARRAY + STRING).
/// </summary>
public enum ParquetValueType
{
    Boolean,
    Int8,
    Int16,
    Int32,
    Int64,
    Float,
    Double,
    String,
    Binary,
}
