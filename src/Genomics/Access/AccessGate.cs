namespace Genomics.Access;

/// <summary>
/// The controlled-tier gate: verifies a grant against the operator's trust set, writes the decision (allow or deny)
/// to the audit log before anything else happens, and only then hands out an <see cref="AccessAuthorization"/>.
/// "Now" comes from the injected clock, so tests are deterministic.
/// </summary>
public sealed class AccessGate
{
    private readonly TrustSet trust;
    private readonly AuditLog log;
    private readonly TimeProvider clock;

    public AccessGate(TrustSet trust, AuditLog log, TimeProvider? clock = null)
    {
        this.trust = trust;
        this.log = log;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Verifies <paramref name="grant"/> for <paramref name="operation"/> and records the decision. A public-tier
    /// operation needs no grant and is not logged. A refusal is logged (when the log is writable) and thrown as
    /// <see cref="AccessDeniedException"/>; an allow that cannot be logged is refused.
    /// </summary>
    public AccessAuthorization Authorize(Grant? grant, AccessOperation operation, IReadOnlyList<AuditInput>? inputs = null, IReadOnlyList<string>? outputs = null) =>
        Decide(() => grant, operation, inputs, outputs);

    /// <summary>
    /// As <see cref="Authorize(Grant?, AccessOperation, IReadOnlyList{AuditInput}?, IReadOnlyList{string}?)"/> for a
    /// grant file (null: none given); an unreadable or malformed file is a refusal, audited like any other.
    /// </summary>
    public AccessAuthorization AuthorizeFile(string? grantPath, AccessOperation operation, IReadOnlyList<AuditInput>? inputs = null, IReadOnlyList<string>? outputs = null) =>
        Decide(() => grantPath is null ? null : Grant.Load(grantPath), operation, inputs, outputs);

    private AccessAuthorization Decide(Func<Grant?> load, AccessOperation operation, IReadOnlyList<AuditInput>? inputs, IReadOnlyList<string>? outputs)
    {
        var now = clock.GetUtcNow();
        var needed = operation.RequiredTier();
        if (needed == AccessTier.Public)
        {
            return new AccessAuthorization(operation, null, null, now);
        }

        GrantClaims claims;
        Grant? grant = null;
        try
        {
            grant = load();
            claims = grant is null
                ? throw new AccessDeniedException(AccessRequirement.GrantMissing, $"{operation.AuditName()} needs a {GrantClaims.TierName(needed)}-tier grant (--credential or GENOMICS_CREDENTIAL)")
                : GrantVerifier.Verify(grant, trust, needed, now);
        }
        catch (AccessDeniedException denied)
        {
            var entry = Entry(now, operation, inputs, outputs, UnverifiedClaims(grant), allowed: false, denied.Reason);
            try
            {
                log.Append(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new AccessDeniedException(denied.Requirement, $"{denied.Reason} (and the audit log {log.Path} cannot be written: {e.Message})", denied);
            }

            throw;
        }

        try
        {
            log.Append(Entry(now, operation, inputs, outputs, claims, allowed: true, reason: null));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AccessDeniedException(AccessRequirement.AuditLog, $"the audit log {log.Path} cannot be written ({e.Message}); nothing is done without an audit record", e);
        }

        return new AccessAuthorization(operation, claims, log, now);
    }

    /// <summary>Verifies a grant for a tier without logging (for <c>genomics access show</c>); throws <see cref="AccessDeniedException"/>.</summary>
    public GrantClaims Check(Grant grant, AccessTier tier) => GrantVerifier.Verify(grant, trust, tier, clock.GetUtcNow());

    private static AuditEntry Entry(DateTimeOffset now, AccessOperation operation, IReadOnlyList<AuditInput>? inputs, IReadOnlyList<string>? outputs,
        (string? Subject, string? Institution, string? Workspace) who, bool allowed, string? reason) => new()
    {
        Time = now,
        Subject = who.Subject,
        Institution = who.Institution,
        Workspace = who.Workspace,
        Operation = operation.AuditName(),
        Inputs = inputs ?? [],
        Outputs = outputs ?? [],
        Allowed = allowed,
        Reason = reason,
    };

    private static AuditEntry Entry(DateTimeOffset now, AccessOperation operation, IReadOnlyList<AuditInput>? inputs, IReadOnlyList<string>? outputs,
        GrantClaims claims, bool allowed, string? reason) =>
        Entry(now, operation, inputs, outputs, (claims.Subject, claims.Institution, claims.Workspace), allowed, reason);

    /// <summary>Who a refused grant claims to be, for the audit line (marked as claimed, since it did not verify).</summary>
    private static (string? Subject, string? Institution, string? Workspace) UnverifiedClaims(Grant? grant)
    {
        if (grant is null)
        {
            return (null, null, null);
        }

        static string? Claimed(Grant g, string name) =>
            g.Payload.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? "unverified:" + v.GetString() : null;

        return (Claimed(grant, "sub"), Claimed(grant, "institution"), Claimed(grant, "workspace"));
    }
}
