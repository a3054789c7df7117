using System.CommandLine;
using Genomics.Access;
using Genomics.Bgzf;
using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Plink;
using Genomics.Stats;
using Genomics.Vcf;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics convert INPUT --out DATASET</c>: a PLINK fileset (or, later, a VCF) to a Parquet dataset.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A VCF (.vcf, .vcf.gz, .vcf.bgz; - for standard input) or a PLINK fileset (its prefix or any of its .bed/.bim/.fam files)" };
        var output = new Option<string>("--out", "-o") { Description = "The dataset folder to create (must not exist)", Required = true };
        var genotypes = new Option<string?>("--genotypes") { Description = "Genotype column: calls (default for VCF: lossless allele indexes) or dosage (default for PLINK: ALT copies; multi-allelic VCF sites become one row per ALT)" };
        genotypes.AcceptOnlyFromAmong("dosage", "calls");
        var compression = new Option<string>("--compression") { Description = "Parquet codec: zstd, snappy, gzip or none", DefaultValueFactory = _ => "zstd" };
        compression.AcceptOnlyFromAmong("zstd", "snappy", "gzip", "none");
        var level = new Option<int?>("--compression-level") { Description = "Codec level (zstd 1-22, gzip 0-9)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress line" };
        var lenient = new Option<bool>("--allow-count-mismatch")
        {
            Description = "VCF: keep INFO/FORMAT values whose count disagrees with the header's Number (one warning per key) instead of stopping",
        };
        var cohorts = SummarizeCommand.CohortsOption();
        cohorts.Description += "; writes DATASET/summary.parquet in the same pass";
        var par = SummarizeCommand.ParOption();
        var sexFrom = new Option<string?>("--sex-from") { Description = "With --cohorts: take sexes for the summary from this cohorts-file column" };
        var command = new Command("convert", "Convert genotypes to an analysis-ready Parquet dataset (needs a controlled-tier grant)") { input, output, genotypes, compression, level, threads, quiet, lenient, cohorts, par, sexFrom };
        var access = new AccessOptions();
        access.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var writer = new DatasetWriterOptions
            {
                Compression = Codec(parse.GetValue(compression)!),
                CompressionLevel = parse.GetValue(level),
                Threads = Math.Max(1, parse.GetValue(threads)),
                Command = "genomics " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            if (parse.GetValue(cohorts) is null && (parse.GetValue(sexFrom) is not null || parse.GetValue(par) is not null))
            {
                Console.Error.WriteLine("genomics: error: --sex-from and --par apply to the summary; give --cohorts too");
                return ExitCodes.Usage;
            }

            // The gate decides (and the audit log records) before anything is read or written.
            var inputs = AccessOptions.InputsOf(parse.GetValue(input)!).Concat(parse.GetValue(cohorts) is { } c ? [c] : []).ToList();
            var authorization = access.Authorize(parse, AccessOperation.Convert, inputs, [parse.GetValue(output)!]);
            var summary = parse.GetValue(cohorts) is { } cohortsPath
                ? new SummaryRequest(cohortsPath, SummarizeCommand.Par(parse.GetValue(par)), parse.GetValue(sexFrom), w => Console.Error.WriteLine("warning: " + w))
                : null;
            return Run(authorization, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(genotypes), writer, parse.GetValue(quiet), parse.GetValue(lenient), summary);
        }));
        return command;
    }

    /// <summary>Reader warnings (undeclared keys and the like) go to stderr once each, above the progress line.</summary>
    private static void Warn(ProgressLine? progress, VcfWarning warning)
    {
        progress?.Clear();
        Console.Error.WriteLine("warning: " + warning);
    }

    internal static ParquetCompression Codec(string name) => name switch
    {
        "snappy" => ParquetCompression.Snappy,
        "gzip" => ParquetCompression.Gzip,
        "none" => ParquetCompression.None,
        _ => ParquetCompression.Zstd,
    };

    private static int Run(AccessAuthorization authorization, string input, string output, string? genotypes, DatasetWriterOptions writer, bool quiet, bool lenient, SummaryRequest? summary)
    {
        using var progress = ProgressLine.Create("converting", quiet);
        var result = PlinkPaths.LooksLikeFileset(input)
            ? PlinkConverter.Convert(authorization, input, output, new PlinkConversionOptions
            {
                Genotypes = genotypes == "calls" ? GenotypeColumn.Calls : GenotypeColumn.Dosage,
                Writer = writer,
                Progress = progress,
                Summary = summary,
            })
            : VcfConverter.Convert(authorization, input, output, new VcfConversionOptions
            {
                Genotypes = genotypes == "dosage" ? GenotypeColumn.Dosage : GenotypeColumn.Calls,
                Writer = writer,
                Progress = progress,
                Summary = summary,
                Reader = new VcfReaderOptions
                {
                    OnWarning = w => Warn(progress, w),
                    StrictValueCounts = !lenient,
                    Bgzf = new BgzfReaderOptions { Threads = writer.Threads },
                },
            });
        progress?.Dispose();
        if (!quiet)
        {
            Console.Error.WriteLine($"wrote {result.Dataset}: {result.Samples:N0} samples, {result.Variants:N0} variants in {result.Elapsed.TotalSeconds:F1} s");
        }

        return ExitCodes.Success;
    }
}
