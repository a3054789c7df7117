using System.CommandLine;
using Genomics.Access;
using Genomics.Bgzf;
using Genomics.Stats;
using Genomics.Vcf;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics summarize INPUT --out SUMMARY.parquet|.tsv</c>: per-cohort allele frequencies and genotype counts.</summary>
internal static class SummarizeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A VCF (.vcf, .vcf.gz, .vcf.bgz; - for standard input), a PLINK fileset (its prefix or any of its files) or a dataset folder" };
        var output = new Option<string>("--out", "-o") { Description = "The summary to write: SUMMARY.parquet, or SUMMARY.tsv for text (must not exist)", Required = true };
        var cohorts = CohortsOption();
        var par = ParOption();
        var sexFrom = new Option<string?>("--sex-from") { Description = "PLINK input: take each sample's sex from this column of the cohorts file (1/M/male, 2/F/female) instead of the .fam (a VCF gives ploidy per call)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or summary line (warnings still go to stderr)" };
        var command = new Command("summarize", "Per-cohort allele counts, frequencies, genotype counts and HWE p-values in one pass (needs a controlled-tier grant)") { input, output, cohorts, par, sexFrom, threads, quiet };
        var access = new AccessOptions();
        access.AddTo(command);
        var release = new PublicReleaseOptions();
        release.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var isQuiet = parse.GetValue(quiet);
            var isRelease = release.Requested(parse);
            if (parse.GetValue(sexFrom) is not null && parse.GetValue(cohorts) is null)
            {
                Console.Error.WriteLine("genomics: error: --sex-from names a column of the cohorts file; give --cohorts too");
                return ExitCodes.Usage;
            }

            var workers = Math.Max(1, parse.GetValue(threads));
            using var progress = ProgressLine.Create("summarizing", isQuiet);
            var options = new SummaryOptions
            {
                CohortsPath = parse.GetValue(cohorts),
                Par = Par(parse.GetValue(par)),
                SexFrom = parse.GetValue(sexFrom),
                Threads = workers,
                Progress = progress,
                Reader = new VcfReaderOptions
                {
                    OnWarning = w =>
                    {
                        progress?.Clear();
                        Console.Error.WriteLine("warning: " + w);
                    },
                    Bgzf = new BgzfReaderOptions { Threads = workers },
                },
            };
            if (isRelease)
            {
                return release.Run(parse, access, parse.GetValue(input)!, parse.GetValue(output)!, options, progress, isQuiet, parse.GetValue(cohorts));
            }

            // The gate decides (and the audit log records) before anything is read or written.
            var inputs = AccessOptions.InputsOf(parse.GetValue(input)!).Concat(parse.GetValue(cohorts) is { } c ? [c] : []).ToList();
            var authorization = access.Authorize(parse, AccessOperation.Summarize, inputs, [parse.GetValue(output)!]);
            var result = Summarizer.Run(authorization, parse.GetValue(input)!, parse.GetValue(output)!, options);
            progress?.Dispose();
            ReportAbsent(parse.GetValue(cohorts), result.ListedButAbsent);
            if (!isQuiet)
            {
                Console.Error.WriteLine($"wrote {result.Output}: {result.Sites:N0} variants × {result.Cohorts:N0} cohorts, {result.Rows:N0} rows ({result.Samples:N0} samples) in {result.Elapsed.TotalSeconds:F1} s");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The <c>--cohorts</c> option, shared with convert.</summary>
    internal static Option<string?> CohortsOption() => new("--cohorts")
    {
        Description = "Cohorts file: tab-separated, header 'sample_id<TAB>column…'; each value of each column is a cohort 'column=value' (ALL is always computed)",
    };

    /// <summary>The <c>--par</c> option, shared with convert.</summary>
    internal static Option<string?> ParOption()
    {
        var option = new Option<string?>("--par") { Description = "Genome build whose chrX PAR is diploid for males (PLINK input): hg19 or hg38; without it all of chrX is haploid for males, as plink2 reads it" };
        option.AcceptOnlyFromAmong("hg19", "hg38");
        return option;
    }

    internal static PseudoautosomalRegions? Par(string? build) => build is null ? null : PseudoautosomalRegions.Named(build);

    /// <summary>Listed samples missing from the data are not an error, but the user should know.</summary>
    internal static void ReportAbsent(string? cohortsPath, int absent)
    {
        if (absent > 0)
        {
            Console.Error.WriteLine($"warning: {cohortsPath}: {absent:N0} listed sample(s) are not in the data; they are counted in no cohort");
        }
    }
}
