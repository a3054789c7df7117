using System.Globalization;
using Genomics.Access;
using Genomics.Dataset;
using Genomics.Inspection;
using Genomics.Parquet;

namespace Genomics.Stats;

/// <summary>
/// A summary written by <see cref="SummaryWriter"/> (controlled tier) or <see cref="PublicSummaryRelease"/> (public
/// tier), Parquet or TSV. <see cref="Open"/> reads only what says which tier the file is (the Parquet footer's
/// <c>genomics.tier</c>; a TSV's header line, where a public release has the extra <c>suppressed</c> column), so a
/// caller can ask the gate for the right operation before <see cref="ReadRows"/> reads any count.
/// </summary>
public sealed class SummaryFile
{
    /// <summary>The column a public release adds: the suppressed cells of the row.</summary>
    public const string SuppressedColumn = "suppressed";

    private SummaryFile(string path, bool isText, string tier, IReadOnlyDictionary<string, string> metadata, long? rowCount)
    {
        RowCount = rowCount;
        FilePath = path;
        IsText = isText;
        Tier = tier;
        Metadata = metadata;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>Tab-separated text rather than Parquet.</summary>
    public bool IsText { get; }

    /// <summary><see cref="DatasetTier.Public"/> or <see cref="DatasetTier.Controlled"/>.</summary>
    public string Tier { get; }

    /// <summary>Whether the file is a public-tier release (which needs no grant to read).</summary>
    public bool IsPublic => Tier == DatasetTier.Public;

    /// <summary>Rows in the file, from the Parquet footer; null for TSV (known only by reading it).</summary>
    public long? RowCount { get; }

    /// <summary>The Parquet key-value metadata (empty for TSV).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// The gate operation that reading this file's rows needs: <see cref="AccessOperation.ShowSummary"/> (no grant)
    /// for a public release, <see cref="AccessOperation.ShowControlledSummary"/> otherwise.
    /// </summary>
    public AccessOperation ReadOperation => IsPublic ? AccessOperation.ShowSummary : AccessOperation.ShowControlledSummary;

    /// <summary>
    /// Reads the tier of the summary at <paramref name="path"/>: the Parquet footer or the TSV header line, no rows. A file
    /// that is not a summary is a <see cref="GenomicsFormatException"/> naming it. A Parquet summary without a tier is
    /// treated as controlled.
    /// </summary>
    public static SummaryFile Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new GenomicsFormatException(InputErrorKind.NotRecognized, path, "a folder; give the summary file (summary.parquet or .tsv)");
        }

        if (SummaryWriter.IsText(path))
        {
            using var reader = new StreamReader(path);
            var header = reader.ReadLine() ?? throw new GenomicsFormatException(InputErrorKind.NotRecognized, path, "empty file; not a summary", line: 1);
            return new SummaryFile(path, true, TextTier(path, header.Split('\t')), new Dictionary<string, string>(), null);
        }

        using var parquet = OpenParquet(path);
        var names = parquet.Schema.Fields.Select(f => f.Name).ToArray();
        var tier = parquet.KeyValueMetadata.TryGetValue("genomics.tier", out var t) && t == DatasetTier.Public ? DatasetTier.Public : DatasetTier.Controlled;
        var expected = tier == DatasetTier.Public ? [.. SummaryWriter.ColumnNames, SuppressedColumn] : SummaryWriter.ColumnNames;
        if (!names.SequenceEqual(expected))
        {
            throw new GenomicsFormatException(InputErrorKind.NotRecognized, path,
                $"not a {tier}-tier genomics summary: columns {string.Join(", ", names.Take(8))}{(names.Length > 8 ? ", …" : "")}");
        }

        return new SummaryFile(path, false, tier, parquet.KeyValueMetadata, parquet.RowCount);
    }

    /// <summary>
    /// The rows, in file order, optionally only those of <paramref name="cohort"/> and at most <paramref name="limit"/>.
    /// A controlled-tier file needs an authorization for reading a controlled summary (or for the summary runs that
    /// wrote it); a public-tier one needs none, but must hold no count in 1..<see cref="DisclosureControl.MinimumThreshold"/>:
    /// a file relabelled public without disclosure control is refused as corrupt.
    /// </summary>
    public IReadOnlyList<PublicSummaryRow> ReadRows(AccessAuthorization authorization, string? cohort = null, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!IsPublic && authorization.Operation is not (AccessOperation.ShowControlledSummary or AccessOperation.Summarize or AccessOperation.SummarizePublicRelease))
        {
            throw new AccessDeniedException(AccessRequirement.Tier,
                $"{FilePath} is a controlled-tier summary; an authorization for {authorization.Operation.AuditName()} does not allow {AccessOperation.ShowControlledSummary.AuditName()}");
        }

        return Read(cohort, limit);
    }

    /// <summary>Every row, for the release that has just written this file under its own authorization.</summary>
    internal IReadOnlyList<PublicSummaryRow> ReadAll() => Read(null, null);

    private List<PublicSummaryRow> Read(string? cohort, int? limit)
    {
        var rows = new List<PublicSummaryRow>();
        var max = limit ?? int.MaxValue;
        IEnumerable<(PublicSummaryRow Row, long Line)> source = IsText ? ReadText() : ReadParquet();
        foreach (var (row, line) in source)
        {
            if (rows.Count >= max)
            {
                break;
            }

            if (IsPublic)
            {
                CheckPublic(row, line);
            }

            if (cohort is null || row.Row.Cohort == cohort)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private void CheckPublic(PublicSummaryRow row, long line)
    {
        for (var k = 0; k < ReleaseRow.CountColumns.Count; k++)
        {
            if (Count(row.Row, k) is >= 1 and <= DisclosureControl.MinimumThreshold and var value)
            {
                throw new GenomicsFormatException(InputErrorKind.Corrupt, FilePath,
                    $"marked public-tier but {ReleaseRow.CountColumns[k]} = {value} (a count in 1..{DisclosureControl.MinimumThreshold}): not a disclosure-controlled release",
                    line: IsText ? line : null);
            }
        }

        foreach (var name in row.Suppressed)
        {
            if (!SummaryWriter.ColumnNames.Contains(name))
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, FilePath, $"suppressed names '{name}', which is not a summary column", line: IsText ? line : null);
            }
        }
    }

    internal static long? Count(CohortAlleleSummary r, int index) => index switch
    {
        0 => r.NSamples,
        1 => r.NCalled,
        2 => r.NMissing,
        3 => r.Ac,
        4 => r.An,
        5 => r.NHomRef,
        6 => r.NHet,
        7 => r.NHomAlt,
        8 => r.NHemiRef,
        9 => r.NHemiAlt,
        10 => r.Carriers,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    private static string TextTier(string path, string[] header)
    {
        if (header.SequenceEqual(SummaryWriter.ColumnNames))
        {
            return DatasetTier.Controlled;
        }

        if (header.SequenceEqual([.. SummaryWriter.ColumnNames, SuppressedColumn]))
        {
            return DatasetTier.Public;
        }

        throw new GenomicsFormatException(InputErrorKind.NotRecognized, path,
            $"not a genomics summary: the header line must be {string.Join(' ', SummaryWriter.ColumnNames.Take(3))} … hwe_p (and suppressed for a public release)", line: 1);
    }

    private static ParquetFileReader OpenParquet(string path)
    {
        try
        {
            return ParquetFileReader.Open(path);
        }
        catch (ParquetFormatException e)
        {
            throw ParquetInspector.Translate(path, e);
        }
    }

    private IEnumerable<(PublicSummaryRow, long)> ReadText()
    {
        using var reader = new StreamReader(FilePath);
        _ = reader.ReadLine();
        var width = SummaryWriter.ColumnNames.Count + (IsPublic ? 1 : 0);
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var f = text.Split('\t');
            if (f.Length != width)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, FilePath, $"{f.Length} fields where the header has {width}", line: line);
            }

            CohortAlleleSummary row;
            try
            {
                row = new CohortAlleleSummary
                {
                    VariantIndex = long.Parse(f[0], CultureInfo.InvariantCulture),
                    Contig = f[1],
                    Pos = long.Parse(f[2], CultureInfo.InvariantCulture),
                    Id = Text(f[3]),
                    Ref = f[4],
                    Alt = Text(f[5]),
                    AlleleIndex = int.Parse(f[6], CultureInfo.InvariantCulture),
                    Cohort = f[7],
                    NSamples = Long(f[8]),
                    NCalled = Long(f[9]),
                    NMissing = Long(f[10]),
                    Ac = Long(f[11]),
                    An = Long(f[12]),
                    Af = Double(f[13]),
                    NHomRef = Long(f[14]),
                    NHet = Long(f[15]),
                    NHomAlt = Long(f[16]),
                    NHemiRef = Long(f[17]),
                    NHemiAlt = Long(f[18]),
                    Carriers = Long(f[19]),
                    HweP = Double(f[20]),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, FilePath, $"a number field does not parse ({e.Message})", line: line);
            }

            IReadOnlyList<string> suppressed = IsPublic && f[21].Length > 0 ? f[21].Split(',') : [];
            yield return (new PublicSummaryRow(row, suppressed), line);
        }
    }

    private IEnumerable<(PublicSummaryRow, long)> ReadParquet()
    {
        using var reader = OpenParquet(FilePath);
        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            IReadOnlyList<ColumnArray> c;
            try
            {
                c = reader.ReadRowGroup(g);
            }
            catch (ParquetFormatException e)
            {
                throw ParquetInspector.Translate(FilePath, e);
            }

            var index = (PrimitiveArray<long>)c[0];
            var contig = (BinaryArray)c[1];
            var pos = (PrimitiveArray<long>)c[2];
            var id = (BinaryArray)c[3];
            var reference = (BinaryArray)c[4];
            var alt = (BinaryArray)c[5];
            var allele = (PrimitiveArray<int>)c[6];
            var cohort = (BinaryArray)c[7];
            var counts = new[] { 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19 }.Select(i => (PrimitiveArray<long>)c[i]).ToArray();
            var af = (PrimitiveArray<double>)c[13];
            var hwe = (PrimitiveArray<double>)c[20];
            var suppressed = IsPublic ? (ListArray)c[21] : null;
            for (var i = 0; i < index.Length; i++)
            {
                long? Count(int k) => counts[k].IsValid(i) ? counts[k].Values.Span[i] : null;
                var summary = new CohortAlleleSummary
                {
                    VariantIndex = index.Values.Span[i],
                    Contig = contig.GetString(i)!,
                    Pos = pos.Values.Span[i],
                    Id = id.GetString(i),
                    Ref = reference.GetString(i)!,
                    Alt = alt.GetString(i),
                    AlleleIndex = allele.Values.Span[i],
                    Cohort = cohort.GetString(i)!,
                    NSamples = Count(0),
                    NCalled = Count(1),
                    NMissing = Count(2),
                    Ac = Count(3),
                    An = Count(4),
                    NHomRef = Count(5),
                    NHet = Count(6),
                    NHomAlt = Count(7),
                    NHemiRef = Count(8),
                    NHemiAlt = Count(9),
                    Carriers = Count(10),
                    Af = af.IsValid(i) ? af.Values.Span[i] : null,
                    HweP = hwe.IsValid(i) ? hwe.Values.Span[i] : null,
                };
                IReadOnlyList<string> names = [];
                if (suppressed is not null && suppressed.IsValid(i))
                {
                    var values = (BinaryArray)suppressed.Values;
                    var (start, end) = (suppressed.Offsets.Span[i], suppressed.Offsets.Span[i + 1]);
                    names = [.. Enumerable.Range(start, end - start).Select(j => values.GetString(j)!)];
                }

                yield return (new PublicSummaryRow(summary, names), ++row);
            }
        }
    }

    private static string? Text(string s) => s.Length == 0 ? null : s;

    private static long? Long(string s) => s.Length == 0 ? null : long.Parse(s, CultureInfo.InvariantCulture);

    private static double? Double(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
}
