using System.Security.Cryptography;
using System.Text;
using Genomics.Access;

namespace Genomics.Tests.Access;

/// <summary>An authority, its trust set, a clock at <see cref="Now"/> and a grant that passes every check at that time.</summary>
internal sealed class GrantFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 15);

    public GrantFixture()
    {
        Authority = AuthorityKey.Create();
        Trust = TrustSet.FromKeys([Authority], "test-trust");
    }

    public ECDsa Authority { get; }

    public TrustSet Trust { get; }

    public static GrantClaims ValidClaims => new()
    {
        Subject = "researcher-17",
        Institution = "Example University",
        Tier = AccessTier.Controlled,
        IdentityVerified = true,
        RcrTraining = Today.AddDays(-100),
        ControlledTierTraining = Today.AddDays(-30),
        CodeOfConduct = Today.AddDays(-200),
        InstitutionControlledAgreement = true,
        Workspace = "ws-42",
        Purpose = "allele frequencies by ancestry",
        IssuedAt = Now.AddDays(-1),
        Expires = Now.AddDays(30),
    };

    public string Issue(GrantClaims claims) => GrantIssuer.Issue(Authority, claims);

    public string Issue(Func<GrantClaims, GrantClaims> edit) => Issue(edit(ValidClaims));

    public GrantClaims Verify(string token, AccessTier tier = AccessTier.Controlled) =>
        new AccessGate(Trust, new AuditLog("/nonexistent/never-written"), new FixedClock(Now)).Check(Grant.Parse(token), tier);

    /// <summary>A token from raw header and payload JSON with the given signature bytes (for forged tokens).</summary>
    public static string Compose(string headerJson, string payloadJson, byte[] signature) =>
        B64(Encoding.UTF8.GetBytes(headerJson)) + "." + B64(Encoding.UTF8.GetBytes(payloadJson)) + "." + B64(signature);

    public static string B64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromB64(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));

    public void Dispose()
    {
        Authority.Dispose();
        Trust.Dispose();
    }
}
