using Spectre.Console;

namespace Genomics.Cli;

/// <summary>Plain text without escape codes, and wide tables, when output goes to a file or a pipe.</summary>
internal static class ConsoleSetup
{
    private const int RedirectedWidth = 200;

    public static void Configure()
    {
        if (!Console.IsOutputRedirected)
        {
            return;
        }

        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        AnsiConsole.Profile.Width = RedirectedWidth;
    }
}
