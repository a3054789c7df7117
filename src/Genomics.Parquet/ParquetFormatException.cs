namespace Genomics.Parquet;

/// <summary>
/// A file is not valid Parquet, or uses a feature this reader does not support. Carries the byte offset
/// in the file where the problem was found, when known.
/// </summary>
public class ParquetFormatException : Exception
{
    public ParquetFormatException()
    {
    }

    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ParquetFormatException(string message, long offset, Exception? innerException = null)
        : base($"{message} (at byte {offset})", innerException)
    {
        Offset = offset;
    }

    /// <summary>Byte offset in the file, or -1 when unknown.</summary>
    public long Offset { get; } = -1;
}
