namespace Genomics.Parquet.Tests.Interop;

/// <summary>How many slots of a generated test column are null.</summary>
internal enum Nulls
{
    None,
    Some,
    All,
}
