using System.Globalization;
using Genomics.Access;
using Genomics.Dataset;
using Genomics.Stats;
using Genomics.Tests.Access;
using Genomics.Tests.Conversion;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

/// <summary>
/// A public release of a real summary (the 200 × 300 dummy fileset with its 7 cohorts): no count in 1..20 anywhere,
/// <c>suppressed</c> names exactly the cells that were nulled, the rest equal to the controlled summary, the file
/// marked public-tier, the same in Parquet and TSV, read by DuckDB; and the guards around it.
/// </summary>
public sealed class PublicSummaryReleaseTests : IDisposable
{
    private const int T = DisclosureControl.MinimumThreshold;

    private static readonly string[] Suppressible =
        ["n_samples", "n_called", "n_missing", "ac", "an", "af", "n_hom_ref", "n_het", "n_hom_alt", "n_hemi_ref", "n_hemi_alt", "carriers", "hwe_p"];

    private readonly GrantFixture fixture = new();
    private readonly TemporaryDirectory directory = new();

    public void Dispose()
    {
        fixture.Dispose();
        directory.Dispose();
    }

    private static string Dummy => PlinkTestData.Path("golden/summary/summary_dummy");

    private static SummaryOptions Options => new() { CohortsPath = PlinkTestData.Path("golden/summary/summary_dummy.cohorts.tsv"), Threads = 1 };

    private AccessGate Gate => new(fixture.Trust, new AuditLog(directory.File("audit.jsonl")), new FixedClock(GrantFixture.Now));

    private AccessAuthorization Authorize(AccessOperation operation) =>
        Gate.Authorize(Grant.Parse(fixture.Issue(GrantFixture.ValidClaims)), operation);

    private IReadOnlyList<PublicSummaryRow> Release(string name, int threshold = T)
    {
        var output = directory.File(name);
        var result = PublicSummaryRelease.Run(Authorize(AccessOperation.SummarizePublicRelease), Dummy, output, Options, threshold);
        Assert.Equal(output, result.Output);
        var file = SummaryFile.Open(output);
        Assert.True(file.IsPublic);
        var rows = file.ReadRows(Gate.Authorize(null, AccessOperation.ShowSummary));
        Assert.Equal(result.SuppressedCells, rows.Sum(r => (long)r.Suppressed.Count));
        return rows;
    }

    private static object? Cell(CohortAlleleSummary r, string column) => column switch
    {
        "af" => r.Af,
        "hwe_p" => r.HweP,
        _ => SummaryFile.Count(r, ReleaseRow.CountColumns.ToList().IndexOf(column)),
    };

    [Fact]
    public void A_release_of_the_dummy_summary_hides_every_small_count_and_names_what_it_nulled()
    {
        var controlled = SummaryTable.Run(Dummy, Options);
        var released = Release("public.parquet");

        Assert.Equal(controlled.Count, released.Count);
        long suppressedCells = 0;
        for (var i = 0; i < controlled.Count; i++)
        {
            var (before, (after, suppressed)) = (controlled[i], released[i]);
            Assert.Equal((before.VariantIndex, before.Contig, before.Pos, before.Id, before.Ref, before.Alt, before.AlleleIndex, before.Cohort),
                (after.VariantIndex, after.Contig, after.Pos, after.Id, after.Ref, after.Alt, after.AlleleIndex, after.Cohort));
            foreach (var column in ReleaseRow.CountColumns)
            {
                Assert.False(Cell(after, column) is long v && v is >= 1 and <= T, $"row {i} {column} = {Cell(after, column)}");
            }

            var nulled = Suppressible.Where(c => Cell(before, c) is not null && Cell(after, c) is null).ToArray();
            Assert.Equal(nulled, suppressed);
            foreach (var column in Suppressible.Except(nulled))
            {
                Assert.Equal(Cell(before, column), Cell(after, column));
            }

            suppressedCells += suppressed.Count;
        }

        // The dummy data has small cohorts and rare variants: a release that suppressed nothing, or everything, would
        // mean the test is not looking at what it thinks.
        Assert.InRange(suppressedCells, 1, (controlled.Count * Suppressible.Length) - 1);
        Assert.Contains(released, r => r.Row.Cohort != ReleaseRow.AllCohort && r.Row.Carriers is > T);
        Assert.Contains(released, r => r.Row.Ac is > T && r.Row.Af is not null);
        Assert.Equal([Path.GetFileName(directory.File("audit.jsonl")), "public.parquet"],
            Directory.EnumerateFileSystemEntries(directory.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parquet_metadata_says_public_and_the_TSV_holds_the_same_rows()
    {
        var parquet = Release("public.parquet");
        var text = Release("public.tsv");
        var file = SummaryFile.Open(directory.File("public.parquet"));
        Assert.Equal(DatasetTier.Public, file.Metadata["genomics.tier"]);
        Assert.Equal("20", file.Metadata["genomics.disclosure_threshold"]);
        Assert.Equal("plink1.9:summary_dummy.bed", file.Metadata["genomics.source"]);
        Assert.Equal(AccessOperation.ShowSummary, file.ReadOperation);
        Assert.Equal(parquet.Select(r => r.Row), text.Select(r => r.Row));
        Assert.Equal(parquet.Select(r => string.Join(',', r.Suppressed)), text.Select(r => string.Join(',', r.Suppressed)));
        var header = File.ReadLines(directory.File("public.tsv")).First();
        Assert.EndsWith("\thwe_p\tsuppressed", header, StringComparison.Ordinal);
    }

    [Fact]
    public void DuckDB_reads_the_public_release()
    {
        var rows = Release("public.parquet");
        var file = DuckDbQuery.Sql(directory.File("public.parquet"));
        var counts = string.Join(" OR ", ReleaseRow.CountColumns.Select(c => $"{c} BETWEEN 1 AND {T}"));
        var result = DuckDbQuery.Run(
            $"SELECT count(*), count(*) FILTER (WHERE {counts}), sum(len(suppressed)), count(*) FILTER (WHERE len(suppressed) > 0) FROM read_parquet({file})",
            $"SELECT column_type FROM (DESCRIBE SELECT suppressed FROM read_parquet({file}))",
            $"SELECT decode(value) FROM parquet_kv_metadata({file}) WHERE decode(key) = 'genomics.tier'",
            $"SELECT array_to_string(suppressed, ',') FROM read_parquet({file}) ORDER BY variant_index, allele_index, cohort");
        Assert.Equal<IEnumerable<string?>>(
            [
                rows.Count.ToString(CultureInfo.InvariantCulture), "0", rows.Sum(r => r.Suppressed.Count).ToString(CultureInfo.InvariantCulture),
                rows.Count(r => r.Suppressed.Count > 0).ToString(CultureInfo.InvariantCulture),
            ],
            result[0][0]);
        Assert.Equal("VARCHAR[]", result[1][0][0]);
        Assert.Equal("public", result[2][0][0]);
        var expected = rows.OrderBy(r => r.Row.VariantIndex).ThenBy(r => r.Row.AlleleIndex).ThenBy(r => r.Row.Cohort, StringComparer.Ordinal)
            .Select(r => string.Join(',', r.Suppressed));
        Assert.Equal(expected, result[3].Select(r => r[0]));
    }

    [Fact]
    public void A_higher_threshold_suppresses_more_and_a_lower_one_is_refused_before_anything_is_written()
    {
        var at20 = Release("t20.parquet").Sum(r => r.Suppressed.Count);
        var at40 = Release("t40.parquet", 40);
        Assert.True(at40.Sum(r => r.Suppressed.Count) > at20);
        Assert.DoesNotContain(at40, r => ReleaseRow.CountColumns.Any(c => Cell(r.Row, c) is long v && v is >= 1 and <= 40));

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PublicSummaryRelease.Run(Authorize(AccessOperation.SummarizePublicRelease), Dummy, directory.File("t19.parquet"), Options, T - 1));
        Assert.False(File.Exists(directory.File("t19.parquet")));
    }

    [Fact]
    public void The_release_needs_its_own_authorization()
    {
        var e = Assert.Throws<AccessDeniedException>(() => PublicSummaryRelease.Run(Authorize(AccessOperation.Convert), Dummy, directory.File("p.parquet"), Options));
        Assert.Contains("does not allow summarize-public-release", e.Message, StringComparison.Ordinal);
        Assert.Throws<AccessDeniedException>(() => PublicSummaryRelease.Run(Gate.Authorize(null, AccessOperation.ShowSummary), Dummy, directory.File("p.parquet"), Options));
        Assert.False(File.Exists(directory.File("p.parquet")));
    }

    [Fact]
    public void The_writer_refuses_rows_that_were_not_disclosure_controlled()
    {
        var rows = SummaryTable.Run(Dummy, Options).Select(r => new PublicSummaryRow(r, [])).ToList();
        var e = Assert.Throws<ArgumentException>(() => PublicSummaryRelease.Write(rows, directory.File("raw.parquet"), new Dictionary<string, string>()));
        Assert.Contains("not disclosure-controlled", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.FullPath));
    }

    [Fact]
    public void A_controlled_summary_needs_a_controlled_read_and_one_relabelled_public_is_refused()
    {
        var controlled = directory.File("controlled.tsv");
        Summarizer.Run(Dummy, controlled, Options);
        var file = SummaryFile.Open(controlled);
        Assert.False(file.IsPublic);
        Assert.Equal(AccessOperation.ShowControlledSummary, file.ReadOperation);
        Assert.Throws<AccessDeniedException>(() => file.ReadRows(Gate.Authorize(null, AccessOperation.ShowSummary)));
        Assert.Equal(3, file.ReadRows(Authorize(AccessOperation.ShowControlledSummary), cohort: "ALL", limit: 3).Count);

        // Adding the suppressed column makes it look like a release; the small counts give it away.
        var forged = directory.File("forged.tsv");
        File.WriteAllLines(forged, File.ReadLines(controlled).Select((l, i) => l + (i == 0 ? "\tsuppressed" : "\t")));
        var relabelled = SummaryFile.Open(forged);
        Assert.True(relabelled.IsPublic);
        var e = Assert.Throws<GenomicsFormatException>(() => relabelled.ReadRows(Gate.Authorize(null, AccessOperation.ShowSummary)));
        Assert.Equal(InputErrorKind.Corrupt, e.Kind);
        Assert.Contains("not a disclosure-controlled release", e.Message, StringComparison.Ordinal);
    }
}
