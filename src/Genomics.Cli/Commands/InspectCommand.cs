using System.CommandLine;
using Genomics.Access;
using System.Globalization;
using Genomics.Inspection;
using Spectre.Console;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics inspect PATH</c>: schema, row groups, codecs, encodings, statistics and first rows of Parquet files.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A Parquet file, or a folder: every *.parquet file below it is inspected" };
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to preview", DefaultValueFactory = _ => 10 };
        var chunks = new Option<bool>("--chunks") { Description = "Show every column chunk of every row group (default: the first row group only)" };
        var command = new Command("inspect", "Show what a Parquet file (or a dataset folder) holds; rows of controlled-tier files need a grant") { path, rows, chunks };
        var access = new AccessOptions();
        access.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() => Run(parse, access, parse.GetValue(path)!, parse.GetValue(rows), parse.GetValue(chunks))));
        return command;
    }

    private static int Run(ParseResult parse, AccessOptions access, string path, int rows, bool allChunks)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"{path}: no .parquet files in this folder");
        }

        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder");
        }

        // Footers (schema, statistics) are not participant-level; rows of controlled-tier files are, so showing them
        // goes through the gate once for the whole listing, before anything is printed.
        AccessAuthorization? authorization = null;
        if (rows > 0 && files.Any(f => ParquetInspector.TierOf(f) == "controlled"))
        {
            authorization = access.Authorize(parse, AccessOperation.ReadGenotypes, Directory.Exists(path) ? [path] : files, []);
        }

        foreach (var file in files)
        {
            Show(ParquetInspector.Inspect(authorization, file, Math.Max(0, rows)), allChunks);
        }

        return ExitCodes.Success;
    }

    private static void Show(ParquetInspection i, bool allChunks)
    {
        var ci = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(i.Path)}[/]  {i.SizeBytes.ToString("N0", ci)} bytes, {i.RowCount.ToString("N0", ci)} rows in {i.RowGroups.Count} row group(s)");
        if (i.CreatedBy is not null)
        {
            AnsiConsole.MarkupLine($"created by: {Markup.Escape(i.CreatedBy)}");
        }

        if (i.Metadata.Count > 0)
        {
            var kv = new Table().Title("key-value metadata").AddColumns("key", "value");
            foreach (var (k, v) in i.Metadata)
            {
                kv.AddRow(Markup.Escape(k), Markup.Escape(v.Length > 120 ? v[..119] + "…" : v));
            }

            AnsiConsole.Write(kv);
        }

        var schema = new Table().Title("schema").AddColumns("column", "type", "physical", "logical", "nullable");
        foreach (var c in i.Columns)
        {
            schema.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Type), c.Physical, Markup.Escape(c.Logical), c.Nullable ? "yes" : "no");
        }

        AnsiConsole.Write(schema);

        foreach (var g in i.RowGroups.Take(allChunks ? int.MaxValue : 1))
        {
            var t = new Table()
                .Title($"row group {g.Index}: {g.Rows.ToString("N0", ci)} rows, {g.CompressedBytes.ToString("N0", ci)} bytes ({g.UncompressedBytes.ToString("N0", ci)} uncompressed)")
                .AddColumns("column", "codec", "encodings", "values", "bytes", "uncompressed", "min", "max", "nulls", "page index");
            foreach (var c in g.Chunks)
            {
                t.AddRow(
                    Markup.Escape(c.Column),
                    c.Codec,
                    Markup.Escape(c.Encodings),
                    c.Values.ToString("N0", ci),
                    c.CompressedBytes.ToString("N0", ci),
                    c.UncompressedBytes.ToString("N0", ci),
                    Markup.Escape(c.Min ?? "-"),
                    Markup.Escape(c.Max ?? "-"),
                    c.NullCount?.ToString("N0", ci) ?? "-",
                    c.HasPageIndex ? "yes" : "no");
            }

            AnsiConsole.Write(t);
        }

        if (!allChunks && i.RowGroups.Count > 1)
        {
            AnsiConsole.MarkupLine($"({i.RowGroups.Count - 1} more row group(s); --chunks shows them all)");
        }

        if (i.PreviewRows.Count > 0)
        {
            var preview = new Table().Title($"first {i.PreviewRows.Count} row(s)");
            foreach (var h in i.PreviewHeader)
            {
                preview.AddColumn(Markup.Escape(h));
            }

            foreach (var r in i.PreviewRows)
            {
                preview.AddRow([.. r.Select(Markup.Escape)]);
            }

            AnsiConsole.Write(preview);
        }
    }
}
