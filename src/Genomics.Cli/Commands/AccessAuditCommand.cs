using System.CommandLine;
using Genomics.Access;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics access audit verify [LOG]</c>: checks the audit log's hash chain.</summary>
internal static class AccessAuditCommand
{
    public static Command Create()
    {
        var log = new Argument<string?>("log") { Description = "The audit log (default: --audit, $GENOMICS_AUDIT_LOG, else the user's state folder)", Arity = ArgumentArity.ZeroOrOne };
        var audit = new Option<string?>("--audit") { Description = "The audit log, as for the gated commands" };
        var verify = new Command("verify", "Check that no line of the audit log was deleted, edited, reordered or truncated (exit 5 when one was)") { log, audit };
        verify.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = Path.GetFullPath(parse.GetValue(log) ?? AuditLog.ResolvePath(parse.GetValue(audit)));
            var result = AuditLog.Verify(path);
            if (!result.IsValid)
            {
                throw new GenomicsFormatException(InputErrorKind.Corrupt, path, $"audit chain broken: {result.Reason}", line: result.FailedLine);
            }

            Console.WriteLine($"{path}: {result.Lines:N0} lines, hash chain intact; head {result.HeadHash}");
            return ExitCodes.Success;
        }));
        return new Command("audit", "The audit log") { verify };
    }
}
