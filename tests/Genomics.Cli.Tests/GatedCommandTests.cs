using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>
/// Every command that reads participant-level data passes the gate first: without a grant, or with one that does not
/// reach the controlled tier, it exits 9 with one line naming the unmet requirement, writes nothing, and the refusal
/// is in the audit log; with a controlled-tier grant it runs and the allow is in the log.
/// </summary>
public sealed class GatedCommandTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string> Commands => ["convert", "summarize", "export-plink", "inspect"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Without_a_grant_the_command_is_refused_and_writes_nothing(string command)
    {
        var dataset = Dataset();
        var outFolder = Directory.CreateDirectory(directory.File("out")).FullName;
        var log = directory.File("audit.jsonl");
        var args = Arguments(command, dataset, Path.Combine(outFolder, "x"));

        var result = CliRun.RunWithoutGrant([.. args, "--trust", TestCredentials.Trust, "--audit", log]);

        Assert.Equal(9, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: access denied: ", line, StringComparison.Ordinal);
        Assert.Contains("grant", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
        Assert.Equal("", result.StandardOutput);
        var entry = Assert.Single(File.ReadAllLines(log));
        Assert.Contains("\"decision\":\"deny\"", entry, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_registered_tier_grant_does_not_reach_genotypes(string command)
    {
        var dataset = Dataset();
        var outFolder = Directory.CreateDirectory(directory.File("out")).FullName;
        var registered = directory.File("registered.jwt");
        var issued = CliRun.RunWithoutGrant(
            "access", "grant", "--authority-key", TestCredentials.AuthorityKey, "--subject", "r", "--institution", "Test University", "--tier", "registered",
            "--identity-verified", "--rcr-training", Day(-10), "--code-of-conduct", Day(-10), "--workspace", "ws", "--purpose", "p", "--expires", Day(5), "--out", registered);
        Assert.Equal(0, issued.ExitCode);

        var result = CliRun.RunWithoutGrant([.. Arguments(command, dataset, Path.Combine(outFolder, "x")), "--credential", registered, "--trust", TestCredentials.Trust, "--audit", directory.File("audit.jsonl")]);

        Assert.Equal(9, result.ExitCode);
        Assert.Contains("registered-tier", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
    }

    [Fact]
    public void With_a_grant_convert_runs_and_the_allow_is_on_record()
    {
        var log = directory.File("audit.jsonl");
        var result = CliRun.RunWithoutGrant(
            "convert", PlinkTestData.Path("bed-reader/some_missing"), "--out", directory.File("d"), "--quiet",
            "--credential", TestCredentials.Grant, "--trust", TestCredentials.Trust, "--audit", log);

        Assert.Equal(0, result.ExitCode);
        var entry = Assert.Single(File.ReadAllLines(log));
        Assert.Contains("\"decision\":\"allow\"", entry, StringComparison.Ordinal);
        Assert.Contains("some_missing.bed", entry, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Run("access", "audit", "verify", log).ExitCode);
    }

    [Fact]
    public void Inspect_shows_the_footer_of_a_controlled_file_without_a_grant_but_not_its_rows_or_statistics()
    {
        var dataset = Dataset();
        var footer = CliRun.RunWithoutGrant("inspect", Path.Combine(dataset, "samples.parquet"), "--rows", "0");
        Assert.Equal(0, footer.ExitCode);
        Assert.Contains("genomics.tier", footer.StandardOutput, StringComparison.Ordinal);
        // The smallest and largest sample_id are participant IDs: withheld without a grant, shown with one.
        var ids = File.ReadAllLines(PlinkTestData.Path("bed-reader/some_missing.fam")).Select(l => l.Split('\t', ' ')[1]).Order(StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(ids[0], footer.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(ids[^1], footer.StandardOutput, StringComparison.Ordinal);
        var granted = CliRun.Run("inspect", Path.Combine(dataset, "samples.parquet"), "--rows", "1");
        Assert.Equal(0, granted.ExitCode);
        Assert.Contains(ids[^1], granted.StandardOutput, StringComparison.Ordinal);
    }

    private static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Dataset()
    {
        var dataset = directory.File("dataset");
        if (!Directory.Exists(dataset))
        {
            Assert.Equal(0, CliRun.Run("convert", PlinkTestData.Path("bed-reader/some_missing"), "--out", dataset, "--quiet").ExitCode);
        }

        return dataset;
    }

    private static string[] Arguments(string command, string dataset, string output) => command switch
    {
        "convert" => ["convert", PlinkTestData.Path("bed-reader/some_missing"), "--out", output, "--quiet"],
        "summarize" => ["summarize", PlinkTestData.Path("bed-reader/some_missing"), "--out", output + ".parquet", "--quiet"],
        "export-plink" => ["export-plink", dataset, "--out", output, "--quiet"],
        _ => ["inspect", Path.Combine(dataset, "variants"), "--rows", "3"],
    };
}
