namespace Genomics.Plink;

/// <summary>
/// Reads a .fam file: six whitespace-separated columns per sample (FID, IID, father, mother, sex, phenotype).
/// The whole file is loaded, since every genotype row needs all samples anyway.
/// </summary>
internal static class FamReader
{
    private const int Columns = 6;

    /// <summary>Reads every sample of the file at <paramref name="path"/>.</summary>
    /// <exception cref="GenomicsFormatException">A line without exactly six columns, or not UTF-8 text.</exception>
    public static IReadOnlyList<FamRecord> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>Reads every sample from <paramref name="stream"/>, leaving it open; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="GenomicsFormatException">A line without exactly six columns, or not UTF-8 text.</exception>
    public static IReadOnlyList<FamRecord> Read(Stream stream, string fileName)
    {
        var samples = new List<FamRecord>();
        using var lines = new PlinkLineReader(stream, leaveOpen: true);
        Span<Range> columns = stackalloc Range[Columns];
        while (lines.TryReadLine(out var line, out var terminator))
        {
            PlinkColumns.RequireUtf8(line, fileName, lines);
            var found = PlinkColumns.Split(line, columns);
            if (found != Columns)
            {
                throw new GenomicsFormatException(
                    InputErrorKind.Malformed,
                    fileName,
                    $"expected 6 whitespace-separated columns (FID IID father mother sex phenotype), found {found}",
                    lines.LineNumber,
                    lines.LineOffset);
            }

            samples.Add(new FamRecord(
                ZeroAsNull(line[columns[0]]),
                PlinkColumns.Text(line[columns[1]]),
                ZeroAsNull(line[columns[2]]),
                ZeroAsNull(line[columns[3]]),
                SexOf(line[columns[4]]),
                PhenotypeOf(line[columns[5]]),
                new SourceLine(PlinkColumns.Text(line), terminator)));
        }

        return samples;
    }

    private static string? ZeroAsNull(ReadOnlySpan<byte> column) => column.SequenceEqual("0"u8) ? null : PlinkColumns.Text(column);

    private static PlinkSex SexOf(ReadOnlySpan<byte> column) =>
        column.SequenceEqual("1"u8) ? PlinkSex.Male
        : column.SequenceEqual("2"u8) ? PlinkSex.Female
        : PlinkSex.Unknown;

    // PLINK's missing phenotype forms: -9 (the default missing value), 0 (missing in case/control coding) and NA.
    private static string? PhenotypeOf(ReadOnlySpan<byte> column) =>
        column.SequenceEqual("-9"u8) || column.SequenceEqual("0"u8) || column.SequenceEqual("NA"u8) ? null : PlinkColumns.Pooled(column);
}
