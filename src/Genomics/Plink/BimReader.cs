using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Genomics.Plink;

/// <summary>
/// Streams a .bim file one variant at a time; memory does not depend on the number of lines.
/// Columns: chromosome, ID, centimorgans, base-pair position, A1 (ALT), A2 (REF).
/// </summary>
internal sealed class BimReader : IDisposable
{
    private const int Columns = 6;

    private readonly PlinkLineReader lines;
    private readonly string fileName;

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="fileName"/> is used in error messages.</summary>
    public BimReader(Stream stream, string fileName, bool leaveOpen = false)
    {
        lines = new PlinkLineReader(stream, leaveOpen);
        this.fileName = fileName;
    }

    /// <summary>Variants returned so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Opens the .bim file at <paramref name="path"/>.</summary>
    public static BimReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), path);

    /// <summary>Every variant of the file at <paramref name="path"/>, read lazily.</summary>
    public static IEnumerable<BimRecord> ReadAll(string path)
    {
        using var reader = Open(path);
        while (reader.TryRead(out var record))
        {
            yield return record;
        }
    }

    /// <summary>
    /// The number of variants (lines, counting a last line without a terminator) without parsing them: the .bed size
    /// check needs it before any genotype is read, and counting newlines is far cheaper than parsing.
    /// </summary>
    public static long CountRecords(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long count = 0;
            long offset = 0;
            var last = (byte)'\n';
            int read;
            while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
            {
                count += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
                offset += read;
            }

            return last == (byte)'\n' ? count : count + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The next variant, or false at the end of the file.</summary>
    /// <exception cref="GenomicsFormatException">A line without six columns, a bad number, or text that is not UTF-8.</exception>
    public bool TryRead([NotNullWhen(true)] out BimRecord? record)
    {
        if (!lines.TryReadLine(out var line, out var terminator))
        {
            record = null;
            return false;
        }

        PlinkColumns.RequireUtf8(line, fileName, lines);
        Span<Range> columns = stackalloc Range[Columns];
        var found = PlinkColumns.Split(line, columns);
        if (found != Columns)
        {
            throw Malformed($"expected 6 whitespace-separated columns (chromosome ID centimorgans position A1 A2), found {found}");
        }

        var centiMorgansText = line[columns[2]];
        if (!double.TryParse(centiMorgansText, NumberStyles.Float, CultureInfo.InvariantCulture, out var centiMorgans))
        {
            throw Malformed($"column 3 (centimorgans) {PlinkColumns.Quote(centiMorgansText)} is not a number");
        }

        var positionText = line[columns[3]];
        if (!long.TryParse(positionText, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            throw Malformed($"column 4 (base-pair position) {PlinkColumns.Quote(positionText)} is not a non-negative integer");
        }

        record = new BimRecord(
            PlinkColumns.Pooled(line[columns[0]]),
            PlinkColumns.Text(line[columns[1]]),
            centiMorgans,
            position,
            PlinkColumns.Pooled(line[columns[4]]),
            PlinkColumns.Pooled(line[columns[5]]),
            new SourceLine(PlinkColumns.Text(line), terminator));
        RecordsRead++;
        return true;
    }

    public void Dispose() => lines.Dispose();

    private GenomicsFormatException Malformed(string reason) =>
        new(InputErrorKind.Malformed, fileName, reason, lines.LineNumber, lines.LineOffset);
}
