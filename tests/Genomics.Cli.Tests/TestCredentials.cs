using Genomics.Access;

namespace Genomics.Cli.Tests;

/// <summary>
/// A real authority, trust file, controlled-tier grant and audit log for the tests' gated commands, made once per test
/// run with the engine's own issuer (the same code <c>genomics access grant</c> runs). Commands get them as explicit
/// options, never through the process-wide environment, which other tests change.
/// </summary>
internal static class TestCredentials
{
    private static readonly Lazy<(string Grant, string Trust, string Audit, string Key)> Files = new(Create);

    /// <summary>The commands that pass through the gate.</summary>
    public static readonly HashSet<string> GatedCommands = ["convert", "summarize", "export-plink", "inspect"];

    public static string Grant => Files.Value.Grant;

    public static string Trust => Files.Value.Trust;

    public static string AuditLog => Files.Value.Audit;

    /// <summary>The authority's private key (PEM), for tests that issue grants of their own.</summary>
    public static string AuthorityKey => Files.Value.Key;

    public static string[] Options => ["--credential", Grant, "--trust", Trust, "--audit", AuditLog];

    private static (string, string, string, string) Create()
    {
        var folder = Directory.CreateTempSubdirectory("genomics-test-authority-").FullName;
        using var key = Genomics.Access.AuthorityKey.Create();
        var privateKey = Path.Combine(folder, "authority.key.pem");
        File.WriteAllText(privateKey, key.ExportPkcs8PrivateKeyPem());
        var trust = Path.Combine(folder, "authority.pub.pem");
        File.WriteAllText(trust, key.ExportSubjectPublicKeyInfoPem());
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var grant = Path.Combine(folder, "tests.jwt");
        File.WriteAllText(grant, GrantIssuer.Issue(key, new GrantClaims
        {
            Subject = "cli-tests",
            Institution = "Test University",
            Tier = AccessTier.Controlled,
            IdentityVerified = true,
            RcrTraining = today.AddDays(-30),
            ControlledTierTraining = today.AddDays(-30),
            CodeOfConduct = today.AddDays(-30),
            InstitutionControlledAgreement = true,
            Workspace = "ws-tests",
            Purpose = "engine tests",
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddDays(1),
        }));
        return (grant, trust, Path.Combine(folder, "audit.jsonl"), privateKey);
    }
}
