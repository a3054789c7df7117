using System.Globalization;
using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>
/// The authority → grant → show → check → audit verify flow through the CLI, and its refusals: exit 9 with one line
/// naming the unmet requirement, exit 5 for a broken audit chain, secrets and grants written owner-only.
/// </summary>
public sealed class AccessCliTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly TemporaryDirectory directory = new();

    public AccessCliTests()
    {
        var init = CliRun.Run("access", "init-authority", "--out", Authority);
        Assert.Equal(0, init.ExitCode);
    }

    public void Dispose() => directory.Dispose();

    private string Authority => directory.File("authority");

    private string PublicKey => Path.Combine(Authority, "authority.pub.pem");

    private string PrivateKey => Path.Combine(Authority, "authority.key.pem");

    private string Log => directory.File("audit.jsonl");

    private static string Day(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Grant(string name, string tier = "controlled", int ctTrainingDaysAgo = 10, bool agreement = true, string? key = null)
    {
        List<string> args =
        [
            "access", "grant", "--authority-key", key ?? PrivateKey, "--subject", "researcher-17", "--institution", "Example University",
            "--tier", tier, "--identity-verified", "--rcr-training", Day(-100), "--code-of-conduct", Day(-50),
            "--workspace", "ws-42", "--purpose", "allele frequencies", "--expires", Day(30), "--out", directory.File(name),
        ];
        if (tier == "controlled")
        {
            args.AddRange(["--ct-training", Day(-ctTrainingDaysAgo)]);
        }

        if (agreement)
        {
            args.Add("--institution-controlled-agreement");
        }

        var result = CliRun.Run([.. args]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wrote grant", result.StandardOutput, StringComparison.Ordinal);
        return directory.File(name);
    }

    private CliResult Check(string operation, string? grant, params string[] extra) =>
        CliRun.Run([.. new[] { "access", "check", "--operation", operation, "--trust", PublicKey, "--audit", Log }, .. grant is null ? [] : new[] { "--credential", grant }, .. extra]);

    private static void Denied(CliResult result, string phrase)
    {
        Assert.Equal(9, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: access denied: ", line, StringComparison.Ordinal);
        Assert.Contains(phrase, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Authority_key_and_grant_are_owner_only()
    {
        var grant = Grant("g.jwt");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PrivateKey));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(grant));
        }

        Assert.Contains("BEGIN PUBLIC KEY", File.ReadAllText(PublicKey), StringComparison.Ordinal);
        // A second init into the same folder does not overwrite the key.
        Assert.Equal(2, CliRun.Run("access", "init-authority", "--out", Authority).ExitCode);
    }

    [Fact]
    public void Whole_flow_grant_show_check_and_verify_the_audit_log()
    {
        var grant = Grant("g.jwt");
        var show = CliRun.Run("access", "show", grant, "--trust", PublicKey);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"sub\": \"researcher-17\"", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("alg ES256", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("verification: valid controlled-tier grant for researcher-17", show.StandardOutput, StringComparison.Ordinal);

        var input = directory.File("in.vcf");
        File.WriteAllText(input, "abc");
        var allowed = Check("convert", grant, input);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("allowed: convert for researcher-17", allowed.StandardOutput, StringComparison.Ordinal);
        Denied(Check("export-plink", null), "export-plink needs a controlled-tier grant");

        var verify = CliRun.Run("access", "audit", "verify", Log);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("2 lines, hash chain intact", verify.StandardOutput, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Log);
        Assert.Contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"deny\"", lines[1], StringComparison.Ordinal);

        // Editing the first line breaks the chain at the second: exit 5 naming the log and the line.
        File.WriteAllLines(Log, [lines[0].Replace("researcher-17", "someone-else", StringComparison.Ordinal), lines[1]]);
        var broken = CliRun.Run("access", "audit", "verify", "--audit", Log);
        Assert.Equal(5, broken.ExitCode);
        var error = Assert.Single(broken.ErrorLines);
        Assert.StartsWith($"genomics: error: {Log}:2: audit chain broken", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusals_name_the_unmet_requirement_and_exit_9()
    {
        Denied(Check("convert", Grant("registered.jwt", tier: "registered", agreement: false)), "a registered-tier grant does not give controlled-tier access");
        var stale = Grant("stale.jwt", ctTrainingDaysAgo: 366);
        Denied(Check("summarize", stale), $"controlled-tier training expired on {Day(0)}");
        Denied(Check("read-genotypes", Grant("no-agreement.jwt", agreement: false)), "the agreement of Example University does not cover the controlled tier");

        // Another authority's grant: show prints the claims but exits 9; check refuses.
        var other = directory.File("other");
        Assert.Equal(0, CliRun.Run("access", "init-authority", "--out", other).ExitCode);
        var foreign = Grant("foreign.jwt", key: Path.Combine(other, "authority.key.pem"));
        var show = CliRun.Run("access", "show", foreign, "--trust", PublicKey);
        Assert.Equal(9, show.ExitCode);
        Assert.Contains("\"sub\": \"researcher-17\"", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("not in the trust set", show.StandardError, StringComparison.Ordinal);
        Denied(Check("convert", foreign), "not in the trust set");

        // A grant file that is not a token.
        File.WriteAllText(directory.File("junk.jwt"), "not a token");
        Denied(Check("convert", directory.File("junk.jwt")), "malformed grant");

        Assert.True(CliRun.Run("access", "audit", "verify", Log).ExitCode == 0);
        Assert.Equal(5, File.ReadAllLines(Log).Length);
    }

    [Fact]
    public void An_unwritable_audit_log_refuses_and_a_public_operation_needs_nothing()
    {
        var blocker = directory.File("file");
        File.WriteAllText(blocker, "");
        var result = CliRun.Run("access", "check", "--operation", "convert", "--trust", PublicKey, "--credential", Grant("g.jwt"), "--audit", Path.Combine(blocker, "audit.jsonl"));
        Denied(result, "cannot be written");
        Assert.Equal("", result.StandardOutput);

        // No trust set configured: refused, and the refusal is on record.
        Denied(CliRun.Run("access", "check", "--operation", "convert", "--credential", Grant("g2.jwt"), "--audit", Log), "needs the operator's trusted keys");
        Assert.Contains("\"decision\":\"deny\"", Assert.Single(File.ReadAllLines(Log)), StringComparison.Ordinal);

        var open = CliRun.Run("access", "check", "--operation", "show-summary", "--audit", Path.Combine(blocker, "audit.jsonl"));
        Assert.Equal(0, open.ExitCode);
        Assert.Contains("needs no grant", open.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Credential_and_trust_come_from_the_environment_when_not_given()
    {
        var grant = Grant("g.jwt");
        Environment.SetEnvironmentVariable("GENOMICS_CREDENTIAL", grant);
        Environment.SetEnvironmentVariable("GENOMICS_TRUST", Authority);
        Environment.SetEnvironmentVariable("GENOMICS_AUDIT_LOG", Log);
        try
        {
            var result = CliRun.Run("access", "check", "--operation", "convert");
            Assert.Equal(0, result.ExitCode);
            Assert.True(File.Exists(Log));
            // An explicit option wins over the environment.
            Denied(CliRun.Run("access", "check", "--operation", "convert", "--credential", Grant("r.jwt", tier: "registered", agreement: false)), "registered-tier");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GENOMICS_CREDENTIAL", null);
            Environment.SetEnvironmentVariable("GENOMICS_TRUST", null);
            Environment.SetEnvironmentVariable("GENOMICS_AUDIT_LOG", null);
        }
    }

    [Fact]
    public void Bad_dates_are_usage_errors()
    {
        var result = CliRun.Run("access", "grant", "--authority-key", PrivateKey, "--subject", "s", "--institution", "i", "--tier", "controlled",
            "--workspace", "w", "--purpose", "p", "--expires", "next week", "--out", directory.File("x.jwt"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--expires next week", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("x.jwt")));
    }
}
