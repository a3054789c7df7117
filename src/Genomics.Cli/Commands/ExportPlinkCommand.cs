using System.CommandLine;
using Genomics.Access;
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
        var command = new Command("export-plink", "Write a dataset as a PLINK 1.9 fileset (byte-identical for datasets converted from PLINK; needs a controlled-tier grant)") { dataset, output, quiet };
        var access = new AccessOptions();
        access.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var prefix = parse.GetValue(output)!;
            var authorization = access.Authorize(parse, AccessOperation.ExportPlink, [parse.GetValue(dataset)!], [prefix + ".bed", prefix + ".bim", prefix + ".fam"]);
            var result = PlinkExporter.Export(authorization, parse.GetValue(dataset)!, prefix);
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
