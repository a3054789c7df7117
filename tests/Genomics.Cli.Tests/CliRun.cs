namespace Genomics.Cli.Tests;

/// <summary>What one in-process run of the CLI returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>stderr split into lines (a final newline does not start another line).</summary>
    public string[] ErrorLines => StandardError.Length == 0 ? [] : StandardError.TrimEnd('\n').Split('\n');
}

/// <summary>
/// Calls <c>Program.Main</c> in-process with stdout and stderr captured. The console is process-wide state, so runs
/// are serialised by a lock (xunit runs test classes in parallel).
/// </summary>
internal static class CliRun
{
    private static readonly Lock ConsoleGate = new();

    /// <summary>
    /// Runs the CLI; a gated command (convert, summarize, export-plink, inspect) given none of --credential, --trust and
    /// --audit gets the test authority's grant, trust file and audit log (<see cref="TestCredentials"/>). A test that
    /// names any of them is about the gate and gets exactly what it passed.
    /// </summary>
    public static CliResult Run(params string[] args) =>
        RunWithoutGrant(args.Length > 0 && TestCredentials.GatedCommands.Contains(args[0]) && !args.Any(a => a is "--credential" or "--trust" or "--audit")
            ? [.. args, .. TestCredentials.Options]
            : args);

    /// <summary>Runs the CLI with exactly these arguments (no grant added).</summary>
    public static CliResult RunWithoutGrant(params string[] args)
    {
        lock (ConsoleGate)
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var (savedOut, savedError) = (Console.Out, Console.Error);
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                var code = Program.Main(args);
                return new CliResult(code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(savedOut);
                Console.SetError(savedError);
            }
        }
    }
}
