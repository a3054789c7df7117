using Genomics.Stats;
using Genomics.Tests.Conversion;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

/// <summary>summary.parquet read by DuckDB, an independent reader: types, nulls and values as we wrote them.</summary>
public sealed class DuckDbReadsSummaryTests
{
    [Fact]
    public void DuckDB_reads_the_summary_with_its_types_and_nulls()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("summary.parquet");
        var cohorts = PlinkTestData.Path("golden/summary/summary_dummy.cohorts.tsv");
        Summarizer.Run(PlinkTestData.Path("golden/summary/summary_dummy"), path, new SummaryOptions { CohortsPath = cohorts, Threads = 1 });
        var rows = SummaryTable.Run(PlinkTestData.Path("golden/summary/summary_dummy"), new SummaryOptions { CohortsPath = cohorts, Threads = 1 });
        var file = DuckDbQuery.Sql(path);
        var result = DuckDbQuery.Run(
            $"SELECT count(*), count(DISTINCT cohort), sum(ac), sum(an), sum(n_hemi_alt), count(hwe_p), count(af) FROM read_parquet({file})",
            $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({file}))",
            $"SELECT cohort, n_samples, ac, an FROM read_parquet({file}) WHERE variant_index = 250 ORDER BY cohort");
        var totals = result[0][0];
        Assert.Equal<IEnumerable<string?>>(
            [
                rows.Count.ToString(), "8", rows.Sum(r => r.Ac!.Value).ToString(), rows.Sum(r => r.An!.Value).ToString(),
                rows.Sum(r => r.NHemiAlt!.Value).ToString(), rows.Count(r => r.HweP is not null).ToString(), rows.Count(r => r.Af is not null).ToString(),
            ],
            totals);
        var types = result[1].ToDictionary(r => r[0]!, r => r[1]);
        Assert.Equal("BIGINT", types["variant_index"]);
        Assert.Equal("VARCHAR", types["cohort"]);
        Assert.Equal("INTEGER", types["allele_index"]);
        Assert.Equal("DOUBLE", types["hwe_p"]);
        Assert.Equal<IEnumerable<string?>>(SummaryWriter.ColumnNames, result[1].Select(r => r[0]));
        var expected = rows.Where(r => r.VariantIndex == 250).OrderBy(r => r.Cohort, StringComparer.Ordinal)
            .Select(r => new string?[] { r.Cohort, r.NSamples.ToString(), r.Ac.ToString(), r.An.ToString() });
        Assert.Equal<IEnumerable<string?[]>>(expected, result[2]);
    }
}
