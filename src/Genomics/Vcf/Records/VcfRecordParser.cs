using System.Text;
using Genomics.Vcf.Kernels;

namespace Genomics.Vcf;

/// <summary>
/// Parses one record line (already split at its tabs) into the open batch, checking it as it goes. Every problem is
/// a <see cref="GenomicsFormatException"/> naming the file, the line and what is wrong.
/// </summary>
internal sealed partial class VcfRecordParser
{
    private const int FixedColumns = 8;

    private readonly string file;
    private readonly VcfHeader header;
    private readonly VcfFieldCatalog catalog;
    private readonly WarningSink warnings;
    private readonly IDiploidCallDecoder callDecoder;
    private readonly bool requireSorted;
    private readonly bool strictCounts;
    private readonly int sampleCount;
    private VcfBatch batch = null!;
    private long lineNumber;

    public VcfRecordParser(string file, VcfHeader header, VcfFieldCatalog catalog, WarningSink warnings, IDiploidCallDecoder callDecoder, VcfReaderOptions options)
    {
        this.file = file;
        this.header = header;
        this.catalog = catalog;
        this.warnings = warnings;
        this.callDecoder = callDecoder;
        requireSorted = options.RequireSorted;
        strictCounts = options.StrictValueCounts;
        sampleCount = header.Samples.Count;
        allowPhasePrefix = header.Version >= VcfVersion.V44;
        knownFilters.Add("PASS"u8, 0);
        foreach (var filter in header.Filters.Where(f => f.Id != "PASS"))
        {
            knownFilters.Add(Encoding.UTF8.GetBytes(filter.Id), 0);
        }
    }

    /// <summary>The batch records go into until the next call.</summary>
    public void Attach(VcfBatch target)
    {
        batch = target;
        batch.SyncColumns(catalog.InfoFields, catalog.FormatFields);
    }

    public void Parse(VcfLineReader lines)
    {
        lineNumber = lines.LineNumber;
        var line = lines.Line;
        var tabs = lines.Tabs;
        if (tabs.Length < FixedColumns - 1 || (sampleCount > 0 ? tabs.Length < FixedColumns + 1 : !lines.AllTabsKnown || tabs.Length != FixedColumns - 1))
        {
            throw ColumnCountError(lines.ScanAllTabs().Length + 1);
        }

        var variant = batch.Count;
        var contig = ReadContig(Column(line, tabs, 0));
        var position = ReadPosition(Column(line, tabs, 1));
        CheckOrder(contig, position);
        batch.AddSite(contig, position, lineNumber);
        ReadId(Column(line, tabs, 2));
        ReadRef(Column(line, tabs, 3));
        var altCount = ReadAlts(Column(line, tabs, 4));
        ReadQual(Column(line, tabs, 5));
        ReadFilters(Column(line, tabs, 6));
        ReadInfo(Column(line, tabs, 7), variant, altCount);
        if (sampleCount > 0)
        {
            ReadSamples(lines, variant, altCount);
        }
        else
        {
            batch.Genotypes.AddRowWithoutCalls();
        }
    }

    private static ReadOnlySpan<byte> Column(ReadOnlySpan<byte> line, ReadOnlySpan<int> tabs, int column)
    {
        var start = column == 0 ? 0 : tabs[column - 1] + 1;
        var end = column < tabs.Length ? tabs[column] : line.Length;
        return line[start..end];
    }

    private GenomicsFormatException ColumnCountError(int columns)
    {
        var expected = sampleCount > 0
            ? $"{FixedColumns + 1 + sampleCount} (8 fixed, FORMAT and {sampleCount} samples as in the #CHROM line)"
            : $"{FixedColumns} (the #CHROM line has no FORMAT or samples)";
        return Fail($"expected {expected} tab-separated columns, found {columns}");
    }

    private GenomicsFormatException Fail(string reason, InputErrorKind kind = InputErrorKind.Malformed) => new(kind, file, reason, lineNumber);

    private static string Quote(ReadOnlySpan<byte> text) => text.Length <= 40
        ? $"'{Encoding.UTF8.GetString(text)}'"
        : $"'{Encoding.UTF8.GetString(text[..37])}...'";
}
