using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Genomics.Cli.Commands;

/// <summary>
/// <c>genomics demo [--keep DIR]</c>: the whole controlled-tier story on a fileset shipped inside the program (the
/// 200-sample × 300-variant PLINK fileset and cohorts of testdata/golden/summary), in a temporary folder. Every step is
/// printed as the command a user would type and then run through the same command tree as <c>Program.Main</c>, so the
/// demo exercises the real commands and follows them when their options change.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] DataFiles = ["dummy.bed", "dummy.bim", "dummy.fam", "cohorts.tsv"];

    public static Command Create()
    {
        var keep = new Option<string?>("--keep") { Description = "Work in this folder (created; must be empty if it exists) and keep it, instead of a temporary folder removed at the end" };
        var command = new Command("demo", "Run the whole story on shipped data: authority, grant, refusal, convert, summarize, public release, show, audit") { keep };
        command.SetAction(parse => CommandRunner.Run(() => Run(parse.GetValue(keep))));
        return command;
    }

    private static int Run(string? keep)
    {
        var folder = keep is null ? Directory.CreateTempSubdirectory("genomics-demo-").FullName : Prepare(keep);
        try
        {
            return new Story(folder).Tell();
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Prepare(string keep)
    {
        var folder = Path.GetFullPath(keep);
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            throw new IOException($"{keep}: exists and is not an empty folder; --keep needs a new or empty one");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The steps, in order; each one's exit code is checked against what the story expects.</summary>
    private sealed class Story(string folder)
    {
        private const string Variable = "$DEMO";

        private string Authority => Path.Combine(folder, "authority");

        private string Trust => Path.Combine(Authority, "authority.pub.pem");

        private string Grant => Path.Combine(folder, "researcher.jwt");

        private string Audit => Path.Combine(folder, "audit.jsonl");

        private string Input => Path.Combine(folder, "data", "dummy");

        private string Cohorts => Path.Combine(folder, "data", "cohorts.tsv");

        private string Dataset => Path.Combine(folder, "dataset");

        public int Tell()
        {
            Unpack();
            Console.WriteLine($"genomics demo: a 200-sample × 300-variant PLINK fileset with 7 cohorts (shipped as testdata/golden/summary/summary_dummy), in {Variable}={folder}");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            Say("The data-access authority creates its key pair; the operator trusts its public key.");
            Step(0, "access", "init-authority", "--out", Authority);
            Say("The authority grants a researcher controlled-tier access (training current, institution covered).");
            Step(0, "access", "grant", "--authority-key", Path.Combine(Authority, "authority.key.pem"), "--subject", "demo-researcher", "--institution", "Demo University",
                "--tier", "controlled", "--identity-verified", "--rcr-training", Day(-30), "--ct-training", Day(-30), "--code-of-conduct", Day(-30),
                "--institution-controlled-agreement", "--workspace", "demo-workspace", "--purpose", "allele frequencies by population", "--expires", Day(2), "--out", Grant);

            Say("Without the grant, reading genotypes is refused (exit 9), and the refusal is on record.");
            Refused();

            Say("With the grant: convert, then summarize per cohort (controlled tier: unsuppressed counts).");
            Step(0, Gated("convert", Input, "--out", Dataset, "--quiet"));
            Step(0, Gated("summarize", Dataset, "--cohorts", Cohorts, "--out", Path.Combine(folder, "summary.parquet"), "--quiet"));
            Say("Showing the controlled summary needs a grant too:");
            Step(ExitCodes.AccessDenied, "show", Path.Combine(folder, "summary.parquet"), "--trust", Trust, "--audit", Audit);

            Say("A public release: every count 1..20, and whatever would give one back, is suppressed.");
            Step(0, Gated("summarize", Dataset, "--cohorts", Cohorts, "--release", "public", "--out", Path.Combine(folder, "public.parquet")));
            Say("Anyone may read it, without a grant:");
            Step(0, "show", Path.Combine(folder, "public.parquet"), "--rows", "8");

            Say("The audit log: one hash-chained line per decision.");
            Step(0, "access", "audit", "verify", Audit);
            foreach (var line in File.ReadLines(Audit))
            {
                using var entry = JsonDocument.Parse(line);
                var e = entry.RootElement;
                string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                Console.WriteLine($"  {Text("decision"),-5} {Text("operation"),-24} {Text("subject") ?? "-",-16} {Text("reason")}");
            }

            Console.WriteLine();
            Console.WriteLine("demo complete: refused without a grant, converted, summarized and released with one, public summary shown to anyone, audit chain intact");
            return ExitCodes.Success;
        }

        private void Unpack()
        {
            var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
            foreach (var name in DataFiles)
            {
                using var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream("demo/" + name)
                    ?? throw new InvalidOperationException($"the demo data {name} is not embedded in this build");
                using var file = File.Create(Path.Combine(data, name));
                resource.CopyTo(file);
            }
        }

        /// <summary>convert without a credential: the gate refuses (exit 9) before anything is read or written.</summary>
        private void Refused() =>
            Step(ExitCodes.AccessDenied, "convert", Input, "--out", Dataset, "--quiet", "--trust", Trust, "--audit", Audit);

        /// <summary>The command with the researcher's credential, the trust set and the audit log, when it declares them.</summary>
        private string[] Gated(string command, params string[] args) =>
            [command, .. args, "--credential", Grant, "--trust", Trust, "--audit", Audit];

        private int Step(int? expected, params string[] args)
        {
            Console.WriteLine();
            Console.WriteLine("$ genomics " + string.Join(' ', args.Select(Display)));
            Console.Out.Flush();
            var code = Program.CreateRoot().Parse(args).Invoke();
            Console.Out.Flush();
            Console.Error.Flush();
            if (expected is { } want && code != want)
            {
                throw new DemoStepException($"step 'genomics {string.Join(' ', args.Take(2))} …' exited {code}, expected {want}");
            }

            return code;
        }

        private static void Say(string text)
        {
            Console.WriteLine();
            Console.WriteLine("# " + text);
        }

        /// <summary>The argument as a user would type it: the demo folder as $DEMO, quoted when it has spaces.</summary>
        private string Display(string arg)
        {
            var shown = arg.Replace(folder, Variable, StringComparison.Ordinal);
            return shown.Contains(' ', StringComparison.Ordinal) ? $"\"{shown}\"" : shown;
        }
    }
}
