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
        Reason = message;
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public ParquetFormatException(string message, long offset, Exception? innerException = null)
        : base($"{message} (at byte {offset})", innerException)
    {
        Offset = offset;
        Reason = message;
        Kind = (innerException as ParquetFormatException)?.Kind ?? ParquetErrorKind.Corrupt;
    }

    public ParquetFormatException(ParquetErrorKind kind, string message, long offset)
        : this(message, offset)
    {
        Kind = kind;
    }

    /// <summary>What sort of problem this is.</summary>
    public ParquetErrorKind Kind { get; } = ParquetErrorKind.Corrupt;

    /// <summary>The message without the offset suffix.</summary>
    public string Reason { get; } = "";

    /// <summary>Byte offset in the file, or -1 when unknown.</summary>
    public long Offset { get; } = -1;
}
