using System.Text;
using System.Text.Unicode;
using CommunityToolkit.HighPerformance.Buffers;

namespace Genomics.Plink;

/// <summary>Column splitting and decoding shared by the .fam and .bim readers.</summary>
internal static class PlinkColumns
{
    /// <summary>
    /// Splits on runs of spaces and tabs, as PLINK does. Stores the first <c>columns.Length</c> column ranges and
    /// returns how many columns the line has in total, so an error can say how many were found.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> columns)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && IsSeparator(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                return count;
            }

            var first = i;
            while (i < line.Length && !IsSeparator(line[i]))
            {
                i++;
            }

            if (count < columns.Length)
            {
                columns[count] = first..i;
            }

            count++;
        }
    }

    /// <summary>Rejects lines that are not UTF-8, so the decoded text writes back to the same bytes.</summary>
    public static void RequireUtf8(ReadOnlySpan<byte> line, string file, PlinkLineReader lines)
    {
        if (!Utf8.IsValid(line))
        {
            throw new GenomicsFormatException(InputErrorKind.Malformed, file, "line is not valid UTF-8 text", lines.LineNumber, lines.LineOffset);
        }
    }

    public static string Text(ReadOnlySpan<byte> column) => Encoding.UTF8.GetString(column);

    /// <summary>Chromosome codes and alleles repeat across millions of lines; the pool keeps one string per value.</summary>
    public static string Pooled(ReadOnlySpan<byte> column) => StringPool.Shared.GetOrAdd(column, Encoding.UTF8);

    /// <summary>A column value for an error message, shortened so a binary file cannot flood the one-line message.</summary>
    public static string Quote(ReadOnlySpan<byte> column)
    {
        var text = Encoding.UTF8.GetString(column.Length > 40 ? column[..40] : column);
        return column.Length > 40 ? $"'{text}…'" : $"'{text}'";
    }

    private static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'\t';
}
