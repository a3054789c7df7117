using System.Globalization;
using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>
/// <c>summarize --release public</c>, <c>show</c> and <c>demo</c> through the CLI: the release goes through the gate,
/// a public summary shows without a grant, a controlled one only with one (exit 9 naming the requirement otherwise),
/// and the demo tells the whole story with exit 0.
/// </summary>
public sealed class PublicReleaseCliTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly TemporaryDirectory directory = new();

    public PublicReleaseCliTests()
    {
        Assert.Equal(0, CliRun.Run("access", "init-authority", "--out", directory.File("authority")).ExitCode);
        var grant = CliRun.Run(
            "access", "grant", "--authority-key", Path.Combine(directory.File("authority"), "authority.key.pem"), "--subject", "researcher-17",
            "--institution", "Example University", "--tier", "controlled", "--identity-verified", "--rcr-training", Day(-100), "--ct-training", Day(-10),
            "--code-of-conduct", Day(-50), "--institution-controlled-agreement", "--workspace", "ws-42", "--purpose", "allele frequencies",
            "--expires", Day(30), "--out", Grant);
        Assert.Equal(0, grant.ExitCode);
    }

    public void Dispose() => directory.Dispose();

    private static string Dummy => PlinkTestData.Path("golden/summary/summary_dummy");

    private static string Cohorts => PlinkTestData.Path("golden/summary/summary_dummy.cohorts.tsv");

    private string Grant => directory.File("g.jwt");

    private string Trust => Path.Combine(directory.File("authority"), "authority.pub.pem");

    private string Log => directory.File("audit.jsonl");

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string[] Access(bool withGrant = true) =>
        withGrant ? ["--credential", Grant, "--trust", Trust, "--audit", Log] : ["--trust", Trust, "--audit", Log];

    private static void Denied(CliResult result, string phrase)
    {
        Assert.Equal(9, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: access denied: ", line, StringComparison.Ordinal);
        Assert.Contains(phrase, line, StringComparison.Ordinal);
    }

    private CliResult Release(string output, params string[] extra) =>
        CliRun.Run([.. new[] { "summarize", Dummy, "--cohorts", Cohorts, "--release", "public", "--out", output }, .. extra]);

    [Fact]
    public void A_public_release_is_audited_and_shows_without_a_grant()
    {
        var output = directory.File("public.parquet");
        var result = Release(output, Access());
        Assert.Equal(0, result.ExitCode);
        var wrote = result.ErrorLines.Last();
        Assert.StartsWith($"wrote {output} (public tier, counts 1..20 suppressed): 300 variants × 8 cohorts, 2,400 rows, ", wrote, StringComparison.Ordinal);
        Assert.Contains(" cells suppressed in ", wrote, StringComparison.Ordinal);
        var audit = Assert.Single(File.ReadAllLines(Log));
        Assert.Contains("\"operation\":\"summarize-public-release\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"allow\"", audit, StringComparison.Ordinal);

        // No credential, no trust set, an audit log that could not even be written: a public summary still shows.
        var blocked = directory.File("blocker");
        File.WriteAllText(blocked, "");
        var show = CliRun.Run("show", output, "--rows", "3", "--cohort", "pop=P1", "--audit", Path.Combine(blocked, "audit.jsonl"));
        Assert.Equal(0, show.ExitCode);
        Assert.Equal("", show.StandardError);
        var lines = show.StandardOutput.Split('\n');
        Assert.Contains("public tier, counts 1..20 suppressed (× marks a suppressed cell)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2,400 rows; first 3 of cohort pop=P1", lines[1], StringComparison.Ordinal);
        var body = lines.Where(l => l.StartsWith("│ 1:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, body.Count);
        Assert.All(body, l => Assert.Contains("│ pop=P1 ", l, StringComparison.Ordinal));
        Assert.Contains(body, l => l.Contains('×', StringComparison.Ordinal));
        Assert.Single(File.ReadAllLines(Log));
    }

    [Fact]
    public void A_public_release_is_refused_without_a_grant_and_leaves_nothing()
    {
        var output = directory.File("public.tsv");
        Denied(Release(output, Access(withGrant: false)), "summarize-public-release needs a controlled-tier grant");
        Denied(Release(output, "--audit", Log), "needs the operator's trusted keys");
        Assert.False(File.Exists(output));
        Assert.Equal(["audit.jsonl", "authority", "g.jwt"], Directory.EnumerateFileSystemEntries(directory.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(File.ReadAllLines(Log), l => Assert.Contains("\"decision\":\"deny\"", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--threshold", "19", "--threshold 19: counts 1..20 are never published")]
    [InlineData("--threshold", "25", "--threshold applies to a public release")]
    public void Threshold_is_raised_only_and_only_with_a_release(string option, string value, string message)
    {
        string[] args = message.Contains("applies", StringComparison.Ordinal)
            ? ["summarize", Dummy, "--out", directory.File("s.parquet"), option, value]
            : ["summarize", Dummy, "--release", "public", "--out", directory.File("s.parquet"), option, value, .. Access()];
        var result = CliRun.Run(args);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("s.parquet")));
    }

    [Fact]
    public void A_controlled_summary_shows_only_with_a_grant()
    {
        var summary = directory.File("summary.tsv");
        Assert.Equal(0, CliRun.Run("summarize", Dummy, "--cohorts", Cohorts, "--out", summary, "--quiet").ExitCode);

        Denied(CliRun.Run("show", summary, "--audit", Log), "show-controlled-summary needs the operator's trusted keys");
        Denied(CliRun.Run(["show", summary, .. Access(withGrant: false)]), "show-controlled-summary needs a controlled-tier grant");
        var shown = CliRun.Run(["show", summary, "--rows", "2", .. Access()]);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("controlled tier: unsuppressed, participant-level; shown to researcher-17", shown.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("×", shown.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("first 2", shown.StandardOutput.Split('\n')[1]);
        Assert.Equal(2, shown.StandardOutput.Split('\n').Count(l => l.StartsWith("│ 1:1000 G>C", StringComparison.Ordinal)));
        var audit = File.ReadAllLines(Log);
        Assert.Equal(3, audit.Length);
        Assert.Contains("\"operation\":\"show-controlled-summary\"", audit[2], StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"allow\"", audit[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_names_bad_input_and_an_unknown_cohort()
    {
        var junk = directory.File("junk.parquet");
        File.WriteAllText(junk, "not parquet at all");
        var notParquet = CliRun.Run("show", junk);
        Assert.Equal(3, notParquet.ExitCode);
        Assert.StartsWith($"genomics: error: {junk}", Assert.Single(notParquet.ErrorLines), StringComparison.Ordinal);

        var text = directory.File("other.tsv");
        File.WriteAllText(text, "a\tb\n1\t2\n");
        var notSummary = CliRun.Run("show", text);
        Assert.Equal(3, notSummary.ExitCode);
        Assert.Contains($"{text}:1: not a genomics summary", Assert.Single(notSummary.ErrorLines), StringComparison.Ordinal);

        var output = directory.File("public.parquet");
        Assert.Equal(0, Release(output, [.. Access(), "--quiet"]).ExitCode);
        var unknown = CliRun.Run("show", output, "--cohort", "pop=P9");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--cohort pop=P9: no such cohort", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Run("show", directory.File("missing.parquet")).ExitCode);

        // A controlled TSV given the public header (a 'suppressed' column) is not thereby showable: its small counts give it away.
        var controlled = directory.File("controlled.tsv");
        Assert.Equal(0, CliRun.Run("summarize", Dummy, "--cohorts", Cohorts, "--out", controlled, "--quiet").ExitCode);
        var forged = directory.File("forged.tsv");
        File.WriteAllLines(forged, File.ReadLines(controlled).Select((l, i) => l + (i == 0 ? "\tsuppressed" : "\t")));
        var relabelled = CliRun.Run("show", forged);
        Assert.Equal(5, relabelled.ExitCode);
        Assert.Matches($"^genomics: error: {System.Text.RegularExpressions.Regex.Escape(forged)}:[0-9]+: marked public-tier but .* not a disclosure-controlled release$",
            Assert.Single(relabelled.ErrorLines));
        Assert.Equal("", relabelled.StandardOutput);
    }

    [Fact]
    public void Demo_tells_the_whole_story_and_exits_0()
    {
        var kept = directory.File("demo");
        var demo = CliRun.Run("demo", "--keep", kept);

        Assert.True(demo.ExitCode == 0, demo.StandardError);
        var output = demo.StandardOutput;
        foreach (var step in new[]
        {
            "$ genomics access init-authority --out $DEMO/authority",
            "$ genomics access grant --authority-key $DEMO/authority/authority.key.pem --subject demo-researcher --institution \"Demo University\"",
            "$ genomics convert $DEMO/data/dummy --out $DEMO/dataset",
            "$ genomics summarize $DEMO/dataset --cohorts $DEMO/data/cohorts.tsv --out $DEMO/summary.parquet",
            "$ genomics summarize $DEMO/dataset --cohorts $DEMO/data/cohorts.tsv --release public --out $DEMO/public.parquet --credential $DEMO/researcher.jwt",
            "$ genomics show $DEMO/public.parquet --rows 8",
            "$ genomics access audit verify $DEMO/audit.jsonl",
            "hash chain intact",
            "demo complete:",
        })
        {
            Assert.Contains(step, output, StringComparison.Ordinal);
        }

        // The refusals are the gate's own lines: convert itself is refused without the grant, before it writes anything.
        Assert.Contains("$ genomics convert $DEMO/data/dummy --out $DEMO/dataset --quiet --trust $DEMO/authority/authority.pub.pem --audit $DEMO/audit.jsonl\n", output, StringComparison.Ordinal);
        Assert.Contains("genomics: error: access denied: convert needs a controlled-tier grant", demo.StandardError, StringComparison.Ordinal);
        Assert.Contains("genomics: error: access denied: show-controlled-summary needs a controlled-tier grant", demo.StandardError, StringComparison.Ordinal);
        Assert.Contains("public tier, counts 1..20 suppressed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(kept, "public.parquet")));
        Assert.True(File.Exists(Path.Combine(kept, "dataset", "manifest.json")));
        Assert.Equal(0, CliRun.Run("access", "audit", "verify", Path.Combine(kept, "audit.jsonl")).ExitCode);

        // A non-empty --keep folder is refused.
        Assert.Equal(2, CliRun.Run("demo", "--keep", kept).ExitCode);
    }

    [Fact]
    public void Demo_without_keep_removes_its_folder()
    {
        // The folder is named on the first line; TMPDIR is not redirected, since other tests create folders meanwhile.
        var demo = CliRun.Run("demo");
        Assert.True(demo.ExitCode == 0, demo.StandardError);
        const string marker = "in $DEMO=";
        var first = demo.StandardOutput.Split('\n')[0];
        var folder = first[(first.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "genomics-demo-"), folder, StringComparison.Ordinal);
        Assert.Contains(folder + "/authority/authority.pub.pem", demo.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
