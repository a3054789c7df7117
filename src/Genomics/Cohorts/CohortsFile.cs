using System.Text;
using Genomics.Plink;

namespace Genomics.Cohorts;

/// <summary>
/// A cohorts file as written: tab-separated with a header whose first column is <c>sample_id</c>; every other column is
/// a categorical variable, each of its values a cohort named <c>column=value</c>. An empty cell leaves the sample out of
/// that column's cohorts. A sample listed twice must have the same values both times.
/// </summary>
public sealed class CohortsFile
{
    /// <summary>A column with more distinct values than this is refused: it is an identifier, not a category.</summary>
    public const int MaxValuesPerColumn = 1000;

    /// <summary>The name the first header column must have.</summary>
    public const string SampleIdColumn = "sample_id";

    private readonly Dictionary<string, CohortsFileRow> rows;

    private CohortsFile(string path, IReadOnlyList<string> columns, Dictionary<string, CohortsFileRow> rows, IReadOnlyList<IReadOnlyList<string>> values)
    {
        FilePath = path;
        Columns = columns;
        this.rows = rows;
        Values = values;
    }

    /// <summary>The file, as named in messages.</summary>
    public string FilePath { get; }

    /// <summary>The categorical columns (the header without <c>sample_id</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per column, its distinct non-empty values in ordinal order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Values { get; }

    /// <summary>Samples listed (each once).</summary>
    public int SampleCount => rows.Count;

    /// <summary>Every listed sample ID.</summary>
    public IEnumerable<string> SampleIds => rows.Keys;

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    /// <exception cref="GenomicsFormatException">Empty file, no header, no sample_id column, a short or long line, a sample with conflicting values, or a column with too many values.</exception>
    internal static CohortsFile Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads and checks a cohorts file from <paramref name="reader"/>; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="GenomicsFormatException">As <see cref="Read(string)"/>.</exception>
    internal static CohortsFile Read(TextReader reader, string name)
    {
        var header = ReadHeader(reader, name, out var lineNumber);
        var columns = header[1..];
        var distinct = columns.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var rows = new Dictionary<string, CohortsFileRow>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.TrimEnd('\r').Length == 0)
            {
                continue;
            }

            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length != header.Length)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, name, $"expected {header.Length} tab-separated columns as in the header, found {cells.Length}", lineNumber);
            }

            var id = cells[0].Trim();
            if (id.Length == 0)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, name, "empty sample_id", lineNumber);
            }

            var values = cells[1..].Select(c => c.Trim()).Select(c => c.Length == 0 ? null : c).ToArray();
            if (rows.TryGetValue(id, out var earlier))
            {
                if (!earlier.Values.SequenceEqual(values))
                {
                    throw new GenomicsFormatException(
                        InputErrorKind.Malformed,
                        name,
                        $"sample '{id}' is listed on lines {earlier.Line} and {lineNumber} with different values ({Describe(columns, earlier.Values)} vs {Describe(columns, values)})",
                        lineNumber);
                }

                continue;
            }

            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] is { } value && distinct[c].Add(value) && distinct[c].Count > MaxValuesPerColumn)
                {
                    throw new GenomicsFormatException(
                        InputErrorKind.Malformed,
                        name,
                        $"column '{columns[c]}' has more than {MaxValuesPerColumn:N0} distinct values; a cohort column must be categorical (an identifier column would make one cohort per sample)",
                        lineNumber);
                }
            }

            rows.Add(id, new CohortsFileRow(values, lineNumber));
        }

        var sorted = distinct.Select(d => (IReadOnlyList<string>)[.. d.Order(StringComparer.Ordinal)]).ToArray();
        return new CohortsFile(name, columns, rows, sorted);
    }

    /// <summary>The value of column <paramref name="column"/> for <paramref name="sampleId"/>; null when unlisted or empty.</summary>
    public string? ValueOf(string sampleId, int column) => rows.TryGetValue(sampleId, out var row) ? row.Values[column] : null;

    /// <summary>Whether <paramref name="sampleId"/> is listed.</summary>
    public bool Contains(string sampleId) => rows.ContainsKey(sampleId);

    /// <summary>The index of <paramref name="column"/> among <see cref="Columns"/>, or -1.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Each data sample's sex from column <paramref name="column"/> (1, M, male → male; 2, F, female → female; anything
    /// else or unlisted → unknown), for <c>--sex-from</c>.
    /// </summary>
    /// <exception cref="GenomicsFormatException">The file has no such column.</exception>
    public PlinkSex[] SexesOf(string column, IReadOnlyList<string> sampleIds)
    {
        var index = ColumnIndex(column);
        if (index < 0)
        {
            throw new GenomicsFormatException(InputErrorKind.Mismatch, FilePath, $"--sex-from names column '{column}', which the header does not have (columns: {string.Join(", ", Columns)})", 1);
        }

        return [.. sampleIds.Select(id => ValueOf(id, index)?.ToLowerInvariant() switch
        {
            "1" or "m" or "male" => PlinkSex.Male,
            "2" or "f" or "female" => PlinkSex.Female,
            _ => PlinkSex.Unknown,
        })];
    }

    private static string[] ReadHeader(TextReader reader, string name, out long lineNumber)
    {
        lineNumber = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && line.TrimEnd('\r').Length == 0);

        if (line is null)
        {
            throw new GenomicsFormatException(InputErrorKind.NotRecognized, name, "empty cohorts file; expected a header line starting with 'sample_id' and tab-separated cohort columns");
        }

        var header = line.TrimEnd('\r').Split('\t').Select(h => h.Trim()).ToArray();
        if (!string.Equals(header[0].TrimStart('#'), SampleIdColumn, StringComparison.Ordinal))
        {
            var found = header.Any(h => string.Equals(h, SampleIdColumn, StringComparison.Ordinal))
                ? $"'{SampleIdColumn}' must be the first column"
                : $"no header with a '{SampleIdColumn}' column (first line starts with '{Truncate(header[0])}')";
            throw new GenomicsFormatException(InputErrorKind.Malformed, name, found + "; the first line must be the header: sample_id<TAB>column<TAB>…", lineNumber);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, name, $"header column {i + 1} has no name", lineNumber);
            }

            if (!seen.Add(header[i]) || header[i] == SampleIdColumn)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, name, $"header column '{header[i]}' appears twice", lineNumber);
            }
        }

        header[0] = SampleIdColumn;
        return header;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Describe(IReadOnlyList<string> columns, IReadOnlyList<string?> values) =>
        string.Join(", ", columns.Select((c, i) => $"{c}={values[i] ?? ""}"));

    private sealed record CohortsFileRow(string?[] Values, long Line);
}
