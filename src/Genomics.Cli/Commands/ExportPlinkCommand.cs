using System.CommandLine;
using Genomics.Export;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics export-plink DATASET --out PREFIX</c>: a dataset back to PLINK 1.9 .bed/.bim/.fam.</summary>
internal static class ExportPlinkCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "A dataset folder written by genomics convert" };
        var output = new Option<string>("--out", "-o") { Description = "Output prefix: PREFIX.bed, PREFIX.bim and PREFIX.fam are written", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line" };
        var command = new Command("export-plink", "Write a dataset as a PLINK 1.9 fileset (byte-identical for datasets converted from PLINK)") { dataset, output, quiet };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var result = PlinkExporter.Export(parse.GetValue(dataset)!, parse.GetValue(output)!);
            if (!parse.GetValue(quiet))
            {
                Console.Error.WriteLine($"wrote {result.Prefix}.bed/.bim/.fam: {result.Samples:N0} samples, {result.Variants:N0} variants"
                    + (result.SkippedMultiallelic > 0 ? $"; skipped {result.SkippedMultiallelic:N0} multi-allelic sites" : ""));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
