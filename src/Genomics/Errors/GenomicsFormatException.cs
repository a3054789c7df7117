using System.Text;

namespace Genomics;

/// <summary>
/// Bad input: carries the file, the line (1-based) and/or byte offset, and a plain-language reason.
/// <see cref="Exception.Message"/> is the one line the CLI prints.
/// </summary>
public class GenomicsFormatException : Exception
{
    public GenomicsFormatException(InputErrorKind kind, string file, string reason, long? line = null, long? offset = null, Exception? innerException = null)
        : base(Compose(file, reason, line, offset), innerException)
    {
        Kind = kind;
        FilePath = file;
        Reason = reason;
        Line = line;
        Offset = offset;
    }

    public GenomicsFormatException()
        : this(InputErrorKind.Malformed, "<unknown>", "invalid input")
    {
    }

    public GenomicsFormatException(string message)
        : this(InputErrorKind.Malformed, "<unknown>", message)
    {
    }

    public GenomicsFormatException(string message, Exception innerException)
        : this(InputErrorKind.Malformed, "<unknown>", message, innerException: innerException)
    {
    }

    public InputErrorKind Kind { get; }

    public string FilePath { get; }

    public string Reason { get; }

    public long? Line { get; }

    public long? Offset { get; }

    private static string Compose(string file, string reason, long? line, long? offset)
    {
        var sb = new StringBuilder(file);
        if (line is { } l)
        {
            sb.Append(':').Append(l);
        }

        if (offset is { } o)
        {
            sb.Append(line is null ? ": byte " : " (byte ").Append(o);
            if (line is not null)
            {
                sb.Append(')');
            }
        }

        // Reasons may quote input text; keep the message to one line whatever the input holds.
        sb.Append(": ").Append(reason.ReplaceLineEndings(" "));
        return sb.ToString();
    }
}
