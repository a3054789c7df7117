namespace Genomics.Access;

/// <summary>
/// One decision of the gate, as one JSON line of the audit log: time, subject, institution, workspace, operation,
/// inputs (path, sha256), outputs, decision (allow or deny), reason; <see cref="AuditLog"/> adds prev.
/// </summary>
public sealed record AuditEntry
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>The grant's subject; null when the grant could not be read.</summary>
    public string? Subject { get; init; }

    public string? Institution { get; init; }

    public string? Workspace { get; init; }

    public required string Operation { get; init; }

    public IReadOnlyList<AuditInput> Inputs { get; init; } = [];

    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>True for allow, false for deny.</summary>
    public required bool Allowed { get; init; }

    public string? Reason { get; init; }
}
