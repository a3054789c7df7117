namespace Genomics.Access;

/// <summary>
/// Proof that the gate allowed one operation for one verified grant. It has no public constructor: only
/// <see cref="AccessGate.Authorize"/> creates it, after verifying the grant and writing the audit line, so an engine
/// entry point that takes one cannot be reached without passing the gate.
/// </summary>
public sealed class AccessAuthorization
{
    internal AccessAuthorization(AccessOperation operation, GrantClaims? claims, AuditLog? log, DateTimeOffset time)
    {
        Operation = operation;
        Claims = claims;
        Log = log;
        Time = time;
    }

    /// <summary>The operation allowed.</summary>
    public AccessOperation Operation { get; }

    /// <summary>The verified claims; null for a public-tier operation, which needs no grant.</summary>
    public GrantClaims? Claims { get; }

    public string Subject => Claims?.Subject ?? "anonymous";

    public string? Institution => Claims?.Institution;

    public string? Workspace => Claims?.Workspace;

    /// <summary>The tier the grant holds (public when no grant was needed).</summary>
    public AccessTier Tier => Claims?.Tier ?? AccessTier.Public;

    /// <summary>The audit log the decision went to, for recording what follows; null for public-tier operations.</summary>
    public AuditLog? Log { get; }

    /// <summary>When the gate allowed it.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Throws unless this authorization was given for <paramref name="operation"/>; entry points call it first.</summary>
    public void Demand(AccessOperation operation)
    {
        if (operation != Operation && operation.RequiredTier() > AccessTier.Public)
        {
            throw new AccessDeniedException(AccessRequirement.Tier,
                $"an authorization for {Operation.AuditName()} does not allow {operation.AuditName()}");
        }
    }
}
