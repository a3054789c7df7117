namespace Genomics.Cli.Commands;

/// <summary>A demo step that ended other than the story says: a bug in this build, reported as an internal error (exit 10).</summary>
internal sealed class DemoStepException(string message) : Exception(message);
