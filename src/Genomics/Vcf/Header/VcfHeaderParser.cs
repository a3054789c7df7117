using System.Globalization;
using System.Text;

namespace Genomics.Vcf;

/// <summary>
/// Builds a <see cref="VcfHeader"/> from header lines, checking them as it goes: <c>##fileformat</c> first, every
/// line a key=value pair with a value, structured lines well formed, INFO/FORMAT definitions with a valid Number and
/// Type (and, from VCF 4.3, the reserved keys as the specification defines them), and a proper <c>#CHROM</c> line.
/// </summary>
internal sealed partial class VcfHeaderParser(string file, WarningSink warnings)
{
    private static readonly string[] FixedColumns = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"];

    private readonly VcfHeaderParts parts = new();
    private readonly StringBuilder text = new();
    private readonly Dictionary<string, VcfFieldDefinition> infoById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VcfFieldDefinition> formatById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VcfContig> contigById = new(StringComparer.Ordinal);
    private readonly HashSet<string> filterIds = new(StringComparer.Ordinal);

    private bool AtLeast43 => parts.Version >= VcfVersion.V43;

    /// <summary>Adds a line that starts with <c>##</c>.</summary>
    public void AddMetaLine(ReadOnlySpan<byte> lineBytes, long lineNumber)
    {
        var line = Encoding.UTF8.GetString(lineBytes[2..]);
        text.Append("##").Append(line).Append('\n');
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw Fail(lineNumber, $"header line '##{Shorten(line)}' is not a ##key=value pair");
        }

        var key = line[..equals];
        var value = line[(equals + 1)..];
        if (key.AsSpan().IndexOfAny(' ', '\t') >= 0)
        {
            throw Fail(lineNumber, $"header key '{key}' contains whitespace");
        }

        if (lineNumber == 1)
        {
            ReadFileFormat(key, value, lineNumber);
        }
        else if (key == "fileformat")
        {
            throw Fail(lineNumber, "a second ##fileformat line");
        }

        if (value.AsSpan().Trim().IsEmpty)
        {
            throw Fail(lineNumber, $"##{key}= has an empty value");
        }

        List<VcfMetaField>? fields = null;
        var structuredKey = key is "INFO" or "FORMAT" or "FILTER" or "ALT" or "contig" or "META" or "SAMPLE" or "PEDIGREE";
        if (structuredKey || value.StartsWith('<'))
        {
            fields = StructuredValue.TryParse(value, out var problem) ?? throw Fail(lineNumber, $"##{key} {problem}");
        }

        var meta = new VcfMetaLine(line, key, value, fields, lineNumber);
        parts.MetaLines.Add(meta);
        if (structuredKey)
        {
            AddDefinition(meta);
        }
    }

    /// <summary>Reads the <c>#CHROM</c> line and returns the finished header.</summary>
    public VcfHeader Complete(ReadOnlySpan<byte> lineBytes, long lineNumber)
    {
        var line = Encoding.UTF8.GetString(lineBytes);
        text.Append(line).Append('\n');
        var columns = line.Split('\t');
        for (var i = 0; i < FixedColumns.Length; i++)
        {
            if (i >= columns.Length || columns[i] != FixedColumns[i])
            {
                var found = i < columns.Length ? $"'{Shorten(columns[i])}'" : "nothing";
                throw Fail(lineNumber, $"#CHROM line: column {i + 1} must be {FixedColumns[i]} (tab-separated), found {found}");
            }
        }

        if (columns.Length > FixedColumns.Length)
        {
            if (columns[FixedColumns.Length] != "FORMAT")
            {
                throw Fail(lineNumber, $"#CHROM line: column 9 must be FORMAT, found '{Shorten(columns[FixedColumns.Length])}'");
            }

            if (columns.Length == FixedColumns.Length + 1)
            {
                throw Fail(lineNumber, "#CHROM line has a FORMAT column but no sample columns");
            }

            parts.HasFormatColumn = true;
            ReadSamples(columns, lineNumber);
        }

        parts.Text = text.ToString();
        parts.LineCount = lineNumber;
        return new VcfHeader(parts);
    }

    private void ReadFileFormat(string key, string value, long lineNumber)
    {
        if (key != "fileformat")
        {
            throw new GenomicsFormatException(
                InputErrorKind.NotRecognized, file, "not a VCF file: the first line must be ##fileformat=VCFv4.x", lineNumber);
        }

        var version = value.AsSpan();
        var dot = version.IndexOf('.');
        if (!version.StartsWith("VCFv") || dot < 0
            || !int.TryParse(version[4..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(version[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            throw Fail(lineNumber, $"##fileformat={value} is not of the form VCFv4.x");
        }

        if (major != 4)
        {
            throw new GenomicsFormatException(InputErrorKind.Unsupported, file, $"##fileformat={value}: only VCF 4.x is supported", lineNumber);
        }

        parts.FileFormat = value;
        parts.Version = new VcfVersion(major, minor);
    }

    private void ReadSamples(string[] columns, long lineNumber)
    {
        var columnBySample = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var column = FixedColumns.Length + 1; column < columns.Length; column++)
        {
            var name = columns[column];
            if (name.Length == 0)
            {
                throw Fail(lineNumber, $"#CHROM line: sample name in column {column + 1} is empty (a trailing or doubled tab?)");
            }

            if (!columnBySample.TryAdd(name, column + 1))
            {
                throw Fail(lineNumber, $"#CHROM line: sample name '{name}' appears in columns {columnBySample[name]} and {column + 1}");
            }

            parts.Samples.Add(name);
        }
    }

    private GenomicsFormatException Fail(long lineNumber, string reason) =>
        new(InputErrorKind.Malformed, file, reason, lineNumber);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
