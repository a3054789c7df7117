using System.CommandLine;
using Genomics.Cli.Commands;

namespace Genomics.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        ConsoleSetup.Configure();
        return CreateRoot().Parse(args).Invoke();
    }

    /// <summary>The command tree; <c>genomics demo</c> runs its steps through it as a user's commands would run.</summary>
    internal static RootCommand CreateRoot() => new("genomics: VCF and PLINK genotypes to an analysis-ready Parquet dataset, with per-cohort summaries")
    {
        ConvertCommand.Create(),
        ExportPlinkCommand.Create(),
        InspectCommand.Create(),
        SummarizeCommand.Create(),
        ShowCommand.Create(),
        AccessCommand.Create(),
        DemoCommand.Create(),
    };
}
