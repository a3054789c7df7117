using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary><c>genomics summarize</c> and <c>convert --cohorts</c> through the CLI: exit codes, messages, warnings, output.</summary>
public sealed class SummarizeCommandTests
{
    private static string Dummy => PlinkTestData.Path("golden/summary/summary_dummy");

    private static string Cohorts => PlinkTestData.Path("golden/summary/summary_dummy.cohorts.tsv");

    [Fact]
    public void Summarize_writes_the_tsv_and_warns_about_listed_samples_absent_from_the_data()
    {
        using var directory = new TemporaryDirectory();
        var output = directory.File("s.tsv");

        var result = CliRun.Run("summarize", Dummy, "--cohorts", Cohorts, "--out", output, "--quiet");

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.ErrorLines);
        Assert.Equal($"warning: {Cohorts}: 1 listed sample(s) are not in the data; they are counted in no cohort", warning);
        var lines = File.ReadAllLines(output);
        Assert.Equal(1 + (300 * 8), lines.Length);
        Assert.StartsWith("variant_index\tcontig\tpos\tid\tref\talt\tallele_index\tcohort\tn_samples", lines[0], StringComparison.Ordinal);
        Assert.Equal([output], Directory.EnumerateFileSystemEntries(directory.FullPath));
    }

    [Theory]
    [InlineData("", 3, "empty cohorts file")]
    [InlineData("s1\tA\n", 6, ":1: no header with a 'sample_id' column")]
    [InlineData("sample_id\tpop\nper0\tA\nper0\tB\n", 6, ":3: sample 'per0' is listed on lines 2 and 3 with different values")]
    public void Bad_cohorts_files_fail_with_their_exit_code_and_leave_nothing(string text, int exitCode, string message)
    {
        using var directory = new TemporaryDirectory();
        var cohorts = directory.File("c.tsv");
        File.WriteAllText(cohorts, text);

        var result = CliRun.Run("summarize", Dummy, "--cohorts", cohorts, "--out", directory.File("s.parquet"));

        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: " + cohorts, line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Equal([cohorts], Directory.EnumerateFileSystemEntries(directory.FullPath));
    }

    [Fact]
    public void Sex_from_without_cohorts_is_a_usage_error()
    {
        using var directory = new TemporaryDirectory();
        var result = CliRun.Run("summarize", Dummy, "--sex-from", "sex", "--out", directory.File("s.parquet"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--cohorts", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.FullPath));
    }

    [Fact]
    public void Convert_with_cohorts_adds_summary_parquet_to_the_dataset()
    {
        using var directory = new TemporaryDirectory();
        var dataset = directory.File("ds");

        var result = CliRun.Run("convert", Dummy, "--out", dataset, "--cohorts", Cohorts, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("warning: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataset, "summary.parquet")));
        Assert.Contains("\"summary\"", File.ReadAllText(Path.Combine(dataset, "manifest.json")), StringComparison.Ordinal);
    }
}
