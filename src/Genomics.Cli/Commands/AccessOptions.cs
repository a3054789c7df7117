using System.CommandLine;
using Genomics.Access;

namespace Genomics.Cli.Commands;

/// <summary>
/// The options every gated command shares: --credential (GENOMICS_CREDENTIAL), --trust (GENOMICS_TRUST) and --audit
/// (GENOMICS_AUDIT_LOG). A command adds them with <see cref="AddTo"/> and calls <see cref="Authorize"/> before it
/// opens any output.
/// </summary>
internal sealed class AccessOptions
{
    public Option<string?> Credential { get; } = new("--credential")
    {
        Description = "The grant (a signed token file) that authorizes this operation (default: $GENOMICS_CREDENTIAL)",
    };

    public Option<string?> Trust { get; } = new("--trust")
    {
        Description = "The trusted authority public keys: a PEM file or a folder of *.pem (default: $GENOMICS_TRUST)",
    };

    public Option<string?> Audit { get; } = new("--audit")
    {
        Description = "The audit log (default: $GENOMICS_AUDIT_LOG, else $XDG_STATE_HOME/genomics/audit.jsonl or ~/.local/state/genomics/audit.jsonl)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Credential);
        command.Options.Add(Trust);
        command.Options.Add(Audit);
    }

    /// <summary>
    /// The files an input stands for, as the audit line names them: a PLINK fileset's three files, a dataset folder
    /// (hashed by its manifest), a VCF file, or "-".
    /// </summary>
    public static IReadOnlyList<string> InputsOf(string input) =>
        input != "-" && !Directory.Exists(input) && Genomics.Plink.PlinkPaths.LooksLikeFileset(input)
            ? Genomics.Plink.PlinkPaths.FromAnyPath(input) is var paths ? [paths.Bed, paths.Bim, paths.Fam] : []
            : [input];

    public static string? FromEnvironment(string? value, string variable) =>
        !string.IsNullOrEmpty(value) ? value : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : null;

    public string? TrustPath(ParseResult parse) => FromEnvironment(parse.GetValue(Trust), "GENOMICS_TRUST");

    public string AuditPath(ParseResult parse) => AuditLog.ResolvePath(parse.GetValue(Audit));

    /// <summary>
    /// Verifies the grant for <paramref name="operation"/> and writes the audit line; throws
    /// <see cref="AccessDeniedException"/> (exit 9) on refusal. Inputs are hashed for the audit line.
    /// </summary>
    public AccessAuthorization Authorize(ParseResult parse, AccessOperation operation, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, TimeProvider? clock = null)
    {
        var log = new AuditLog(AuditPath(parse));
        if (operation.RequiredTier() == AccessTier.Public)
        {
            return new AccessGate(TrustSet.FromKeys([]), log, clock).Authorize(null, operation);
        }

        TrustSet trust;
        try
        {
            trust = TrustSet.Load(TrustPath(parse)
                ?? throw new AccessDeniedException(AccessRequirement.TrustConfiguration, $"{operation.AuditName()} needs the operator's trusted keys (--trust or GENOMICS_TRUST)"));
        }
        catch (AccessDeniedException denied)
        {
            // No trust set, no verification: still a decision, so it is on record like any refusal.
            TryRecordDenial(log, operation, inputs, outputs, denied.Reason, clock);
            throw;
        }

        using var keys = trust;
        var credential = FromEnvironment(parse.GetValue(Credential), "GENOMICS_CREDENTIAL");
        var audited = inputs.Select(AuditInput.FromPath).ToArray();
        return new AccessGate(trust, log, clock).AuthorizeFile(credential, operation, audited, [.. outputs.Select(Path.GetFullPath)]);
    }

    private static void TryRecordDenial(AuditLog log, AccessOperation operation, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, string reason, TimeProvider? clock)
    {
        try
        {
            log.Append(new AuditEntry
            {
                Time = (clock ?? TimeProvider.System).GetUtcNow(),
                Operation = operation.AuditName(),
                Inputs = [.. inputs.Select(i => new AuditInput(i == "-" ? i : Path.GetFullPath(i), null))],
                Outputs = [.. outputs.Select(Path.GetFullPath)],
                Allowed = false,
                Reason = reason,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The refusal stands either way; an unwritable log cannot make it worse.
        }
    }
}
