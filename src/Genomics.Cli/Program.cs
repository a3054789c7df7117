using System.CommandLine;
using Genomics.Cli.Commands;

namespace Genomics.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        ConsoleSetup.Configure();
        var root = new RootCommand("genomics: VCF and PLINK genotypes to an analysis-ready Parquet dataset, with per-cohort summaries")
        {
            ConvertCommand.Create(),
            ExportPlinkCommand.Create(),
            InspectCommand.Create(),
            SummarizeCommand.Create(),
            AccessCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
