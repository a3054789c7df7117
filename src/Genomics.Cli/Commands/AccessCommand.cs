using System.CommandLine;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics access …</c>: the authority's side (keys, grants) and the operator's (checks, audit log).</summary>
internal static class AccessCommand
{
    public static Command Create() => new("access", "The controlled-tier gate: authority keys, grants, checks and the audit log")
    {
        AccessInitAuthorityCommand.Create(),
        AccessGrantCommand.Create(),
        AccessShowCommand.Create(),
        AccessCheckCommand.Create(),
        AccessAuditCommand.Create(),
    };
}
