using System.CommandLine;
using Genomics.Access;
using Genomics.Stats;

namespace Genomics.Cli.Commands;

/// <summary>
/// <c>summarize … --release public [--threshold N]</c>: the summary is put through disclosure control and written as a
/// public-tier file (the gate operation is summarize-public-release: it still reads genotypes).
/// </summary>
internal sealed class PublicReleaseOptions
{
    public Option<string?> Release { get; } = CreateRelease();

    public Option<int?> Threshold { get; } = new("--threshold")
    {
        Description = $"With --release public: suppress counts 1..N (default and minimum {DisclosureControl.MinimumThreshold})",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Release);
        command.Options.Add(Threshold);
    }

    /// <summary>Whether the run is a public release; --threshold alone is a usage error.</summary>
    public bool Requested(ParseResult parse)
    {
        var requested = parse.GetValue(Release) == "public";
        if (!requested && parse.GetValue(Threshold) is not null)
        {
            throw new UsageException("--threshold applies to a public release; give --release public too");
        }

        if (parse.GetValue(Threshold) is < DisclosureControl.MinimumThreshold and var low)
        {
            throw new UsageException($"--threshold {low}: counts 1..{DisclosureControl.MinimumThreshold} are never published; the threshold can be raised, not lowered");
        }

        return requested;
    }

    /// <summary>Asks the gate, then summarizes, releases and writes; returns the exit code.</summary>
    public int Run(ParseResult parse, AccessOptions access, string input, string output, SummaryOptions options, ProgressLine? progress, bool quiet, string? cohortsPath)
    {
        var threshold = parse.GetValue(Threshold) ?? DisclosureControl.MinimumThreshold;
        var authorization = access.Authorize(parse, AccessOperation.SummarizePublicRelease, [.. AccessOptions.InputsOf(input), .. cohortsPath is null ? Array.Empty<string>() : [cohortsPath]], [output]);
        var result = PublicSummaryRelease.Run(authorization, input, output, options, threshold);
        progress?.Dispose();
        SummarizeCommand.ReportAbsent(cohortsPath, result.Summary.ListedButAbsent);
        if (!quiet)
        {
            var s = result.Summary;
            Console.Error.WriteLine($"wrote {result.Output} (public tier, counts 1..{result.Threshold} suppressed): {s.Sites:N0} variants × {s.Cohorts:N0} cohorts, " +
                $"{s.Rows:N0} rows, {result.SuppressedCells:N0} cells suppressed in {result.RowsWithSuppression:N0} rows, in {s.Elapsed.TotalSeconds:F1} s");
        }

        return ExitCodes.Success;
    }

    private static Option<string?> CreateRelease()
    {
        var option = new Option<string?>("--release")
        {
            Description = "public: apply disclosure control (no count 1..20 published or derivable) and write a public-tier summary with a 'suppressed' column",
        };
        option.AcceptOnlyFromAmong("public");
        return option;
    }
}
