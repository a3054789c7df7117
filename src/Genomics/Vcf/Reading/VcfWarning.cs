namespace Genomics.Vcf;

/// <summary>Something in the input that is kept but worth telling the user about (an undeclared key or contig, a duplicate header line).</summary>
/// <param name="File">The file's name as errors show it.</param>
/// <param name="Line">1-based line where it was first seen, if it belongs to one.</param>
/// <param name="Message">One plain-language sentence.</param>
public sealed record VcfWarning(string File, long? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
