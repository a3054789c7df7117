namespace Genomics.Access;

/// <summary>
/// The gate refused a request. <see cref="Exception.Message"/> is one line naming the unmet requirement
/// ("controlled-tier training expired on 2026-03-02"); the CLI prints it and exits with code 9.
/// </summary>
public class AccessDeniedException : Exception
{
    public AccessDeniedException(AccessRequirement requirement, string reason, Exception? innerException = null)
        : base("access denied: " + reason.ReplaceLineEndings(" "), innerException)
    {
        Requirement = requirement;
        Reason = reason;
    }

    public AccessDeniedException()
        : this(AccessRequirement.GrantMissing, "no grant")
    {
    }

    public AccessDeniedException(string message)
        : this(AccessRequirement.WellFormedGrant, message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : this(AccessRequirement.WellFormedGrant, message, innerException)
    {
    }

    /// <summary>The requirement that was not met.</summary>
    public AccessRequirement Requirement { get; }

    /// <summary>The reason without the "access denied: " prefix (as written to the audit log).</summary>
    public string Reason { get; }
}
