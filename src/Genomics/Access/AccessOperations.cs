namespace Genomics.Access;

/// <summary>The tier each <see cref="AccessOperation"/> needs.</summary>
public static class AccessOperations
{
    /// <summary>
    /// Releasing a public summary still needs the controlled tier: it is computed from genotypes, and only its
    /// suppressed output is public. Showing a public-tier summary needs nothing.
    /// </summary>
    public static AccessTier RequiredTier(this AccessOperation operation) => operation switch
    {
        AccessOperation.Convert or AccessOperation.Summarize or AccessOperation.SummarizePublicRelease
            or AccessOperation.ExportPlink or AccessOperation.ReadGenotypes or AccessOperation.ShowControlledSummary => AccessTier.Controlled,
        AccessOperation.ShowSummary => AccessTier.Public,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
    };

    /// <summary>The operation's name as the audit log and messages spell it (kebab case, as the CLI commands).</summary>
    public static string AuditName(this AccessOperation operation) => operation switch
    {
        AccessOperation.Convert => "convert",
        AccessOperation.Summarize => "summarize",
        AccessOperation.SummarizePublicRelease => "summarize-public-release",
        AccessOperation.ExportPlink => "export-plink",
        AccessOperation.ReadGenotypes => "read-genotypes",
        AccessOperation.ShowControlledSummary => "show-controlled-summary",
        AccessOperation.ShowSummary => "show-summary",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
    };
}
