namespace Genomics.Access;

/// <summary>
/// What <see cref="AuditLog.Verify"/> found: the number of lines that chain correctly, the first bad line (1-based)
/// and why, and the hash of the last good line (record it elsewhere to detect a later truncation of the tail).
/// </summary>
public sealed record AuditVerification(bool IsValid, long Lines, long? FailedLine, string? Reason, string HeadHash);
