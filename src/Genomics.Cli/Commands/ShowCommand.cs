using System.CommandLine;
using System.Globalization;
using Genomics.Access;
using Genomics.Stats;
using Spectre.Console;

namespace Genomics.Cli.Commands;

/// <summary>
/// <c>genomics show SUMMARY [--rows N] [--cohort C]</c>: a summary (Parquet or TSV) as a table. A public-tier release
/// needs no grant; a controlled-tier summary is participant-level and goes through the gate
/// (show-controlled-summary), so a refusal exits 9 naming the unmet requirement.
/// </summary>
internal static class ShowCommand
{
    /// <summary>How a suppressed cell is printed (the README and the header line say so).</summary>
    public const string SuppressedMark = "×";

    public static Command Create()
    {
        var path = new Argument<string>("summary") { Description = "A summary written by genomics summarize (.parquet or .tsv), public or controlled tier" };
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to print", DefaultValueFactory = _ => 10 };
        var cohort = new Option<string?>("--cohort") { Description = "Only the rows of this cohort (ALL, or column=value)" };
        var access = new AccessOptions();
        var command = new Command("show", "Print a summary as a table (a public-tier one needs no grant)") { path, rows, cohort };
        access.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var limit = parse.GetValue(rows);
            if (limit < 0)
            {
                throw new UsageException($"--rows {limit}: give 0 or more");
            }

            var file = SummaryFile.Open(parse.GetValue(path)!);
            var authorization = access.Authorize(parse, file.ReadOperation, [file.FilePath], []);
            var wanted = parse.GetValue(cohort);
            var shown = file.ReadRows(authorization, wanted, limit);
            if (shown.Count == 0 && wanted is not null && limit > 0)
            {
                var known = file.ReadRows(authorization, null, 10_000).Select(r => r.Row.Cohort).Distinct().ToList();
                if (!known.Contains(wanted))
                {
                    throw new UsageException($"--cohort {wanted}: no such cohort in {file.FilePath} (it has {string.Join(", ", known.Take(12))}{(known.Count > 12 ? ", …" : "")})");
                }
            }

            Print(file, authorization, shown, wanted);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(SummaryFile file, AccessAuthorization authorization, IReadOnlyList<PublicSummaryRow> rows, string? cohort)
    {
        var ci = CultureInfo.InvariantCulture;
        var total = file.RowCount is { } n ? $"{n.ToString("N0", ci)} rows; " : "";
        var tier = file.IsPublic
            ? $"public tier, counts 1..{(file.Metadata.TryGetValue("genomics.disclosure_threshold", out var t) ? t : DisclosureControl.MinimumThreshold.ToString(ci))} suppressed ({SuppressedMark} marks a suppressed cell)"
            : $"controlled tier: unsuppressed, participant-level; shown to {authorization.Subject}, recorded in {authorization.Log?.Path}";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(file.FilePath)}[/]  {Markup.Escape(tier)}");
        AnsiConsole.MarkupLine(Markup.Escape($"{total}first {rows.Count.ToString("N0", ci)}{(cohort is null ? "" : $" of cohort {cohort}")}"));
        if (rows.Count == 0)
        {
            return;
        }

        // One "variant" column (contig:pos ref>alt) instead of six keeps the counts readable on one line.
        string[] counts = [.. SummaryWriter.ColumnNames.Skip(8)];
        var table = new Table();
        table.AddColumn("variant");
        table.AddColumn("cohort");
        foreach (var name in counts)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)) { Alignment = Justify.Right });
        }

        foreach (var (r, suppressed) in rows)
        {
            string Cell(string column, object? value) =>
                suppressed.Contains(column) ? SuppressedMark
                : value switch
                {
                    null => "",
                    double d => d.ToString(column == "af" ? "0.####" : "G3", ci),
                    long l => l.ToString(ci),
                    _ => value.ToString() ?? "",
                };

            object?[] values = [r.NSamples, r.NCalled, r.NMissing, r.Ac, r.An, r.Af, r.NHomRef, r.NHet, r.NHomAlt, r.NHemiRef, r.NHemiAlt, r.Carriers, r.HweP];
            var variant = $"{r.Contig}:{r.Pos.ToString(ci)} {r.Ref}>{r.Alt ?? "."}";
            table.AddRow([Markup.Escape(variant), Markup.Escape(r.Cohort), .. counts.Select((c, k) => Markup.Escape(Cell(c, values[k])))]);
        }

        AnsiConsole.Write(table);
    }
}
