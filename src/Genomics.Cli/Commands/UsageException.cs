namespace Genomics.Cli.Commands;

/// <summary>An option value the parser accepted but the command cannot use; exit code 1 like any usage error.</summary>
internal sealed class UsageException(string message) : Exception(message);
