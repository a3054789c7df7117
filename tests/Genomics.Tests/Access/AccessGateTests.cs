using System.Text.Json;
using Genomics.Access;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Access;

/// <summary>The gate: decisions are logged before it returns, an unwritable log refuses, public operations need nothing.</summary>
public sealed class AccessGateTests : IDisposable
{
    private readonly GrantFixture fixture = new();
    private readonly TemporaryDirectory directory = new();

    public void Dispose()
    {
        fixture.Dispose();
        directory.Dispose();
    }

    private AccessGate Gate(string log) => new(fixture.Trust, new AuditLog(log), new FixedClock(GrantFixture.Now));

    [Fact]
    public void Allow_writes_one_audit_line_with_inputs_hashed_and_returns_the_authorization()
    {
        var log = directory.File("state/genomics/audit.jsonl");
        var input = directory.File("in.vcf");
        File.WriteAllText(input, "abc");
        var authorization = Gate(log).Authorize(Grant.Parse(fixture.Issue(GrantFixture.ValidClaims)), AccessOperation.Convert,
            [AuditInput.FromPath(input)], ["/out/dataset"]);

        Assert.Equal("researcher-17", authorization.Subject);
        Assert.Equal("Example University", authorization.Institution);
        Assert.Equal("ws-42", authorization.Workspace);
        Assert.Equal(AccessTier.Controlled, authorization.Tier);
        Assert.Equal(AccessOperation.Convert, authorization.Operation);
        Assert.Equal(log, authorization.Log!.Path);
        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(log))).RootElement;
        Assert.Equal("allow", line.GetProperty("decision").GetString());
        Assert.Equal("convert", line.GetProperty("operation").GetString());
        Assert.Equal("researcher-17", line.GetProperty("subject").GetString());
        Assert.Equal("ws-42", line.GetProperty("workspace").GetString());
        Assert.Equal("2026-06-15T12:00:00.0000000Z", line.GetProperty("time").GetString());
        // sha256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", line.GetProperty("inputs")[0].GetProperty("sha256").GetString());
        Assert.Equal("/out/dataset", line.GetProperty("outputs")[0].GetString());
        Assert.Equal(AuditLog.Genesis, line.GetProperty("prev").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
        }
    }

    [Fact]
    public void Deny_is_logged_with_the_reason_and_the_unverified_subject()
    {
        var log = directory.File("audit.jsonl");
        var token = fixture.Issue(c => c with { InstitutionControlledAgreement = false });
        var e = Assert.Throws<AccessDeniedException>(() => Gate(log).Authorize(Grant.Parse(token), AccessOperation.ExportPlink));
        Assert.Equal(AccessRequirement.InstitutionAgreement, e.Requirement);
        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(log))).RootElement;
        Assert.Equal("deny", line.GetProperty("decision").GetString());
        Assert.Equal(e.Reason, line.GetProperty("reason").GetString());
        Assert.Equal("unverified:researcher-17", line.GetProperty("subject").GetString());
    }

    [Fact]
    public void No_grant_is_refused_for_every_controlled_operation_and_needed_for_none_public()
    {
        var log = directory.File("audit.jsonl");
        foreach (var operation in Enum.GetValues<AccessOperation>())
        {
            if (operation.RequiredTier() == AccessTier.Public)
            {
                var authorization = Gate(log).Authorize(null, operation);
                Assert.Equal(AccessTier.Public, authorization.Tier);
                Assert.Null(authorization.Log);
            }
            else
            {
                var e = Assert.Throws<AccessDeniedException>(() => Gate(log).Authorize(null, operation));
                Assert.Equal(AccessRequirement.GrantMissing, e.Requirement);
            }
        }

        Assert.Equal(Enum.GetValues<AccessOperation>().Count(o => o.RequiredTier() != AccessTier.Public), File.ReadAllLines(log).Length);
        Assert.True(AuditLog.Verify(log).IsValid);
    }

    [Fact]
    public void Public_release_still_needs_controlled_access_and_showing_a_public_summary_needs_none()
    {
        Assert.Equal(AccessTier.Controlled, AccessOperation.SummarizePublicRelease.RequiredTier());
        Assert.Equal(AccessTier.Controlled, AccessOperation.ReadGenotypes.RequiredTier());
        Assert.Equal(AccessTier.Public, AccessOperation.ShowSummary.RequiredTier());
    }

    [Fact]
    public void An_unwritable_audit_log_refuses_a_valid_grant()
    {
        var blocker = directory.File("not-a-folder");
        File.WriteAllText(blocker, "");
        var e = Assert.Throws<AccessDeniedException>(() =>
            Gate(Path.Combine(blocker, "audit.jsonl")).Authorize(Grant.Parse(fixture.Issue(GrantFixture.ValidClaims)), AccessOperation.Convert));
        Assert.Equal(AccessRequirement.AuditLog, e.Requirement);
        Assert.Contains("cannot be written", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_authorization_covers_only_its_own_operation()
    {
        var authorization = Gate(directory.File("audit.jsonl")).Authorize(Grant.Parse(fixture.Issue(GrantFixture.ValidClaims)), AccessOperation.Summarize);
        authorization.Demand(AccessOperation.Summarize);
        authorization.Demand(AccessOperation.ShowSummary);
        Assert.Throws<AccessDeniedException>(() => authorization.Demand(AccessOperation.ExportPlink));
    }

    [Fact]
    public void Authorization_has_no_public_constructor()
    {
        Assert.Empty(typeof(AccessAuthorization).GetConstructors());
        Assert.True(typeof(AccessAuthorization).IsSealed);
    }
}
