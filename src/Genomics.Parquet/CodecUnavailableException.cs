namespace Genomics.Parquet;

/// <summary>A compression codec's native library is missing; the message names the package that provides it.</summary>
public sealed class CodecUnavailableException : Exception
{
    public CodecUnavailableException()
    {
    }

    public CodecUnavailableException(string message)
        : base(message)
    {
    }

    public CodecUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
