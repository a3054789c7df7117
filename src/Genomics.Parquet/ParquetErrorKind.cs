namespace Genomics.Parquet;

/// <summary>Broad class of a <see cref="ParquetFormatException"/>, so callers can report it without parsing messages.</summary>
public enum ParquetErrorKind
{
    /// <summary>Damaged structure or data.</summary>
    Corrupt,

    /// <summary>Not a Parquet file at all (no leading magic, far too short).</summary>
    NotParquet,

    /// <summary>The file ends early (no trailing magic).</summary>
    Truncated,

    /// <summary>Valid Parquet using a feature this library does not read.</summary>
    Unsupported,
}
