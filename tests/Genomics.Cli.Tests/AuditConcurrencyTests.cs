using System.Diagnostics;
using System.Globalization;
using Genomics.Access;
using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>Separate genomics processes deciding at the same time append to one audit log without breaking the chain.</summary>
public sealed class AuditConcurrencyTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Concurrent_processes_keep_the_audit_chain_valid()
    {
        var authority = directory.File("authority");
        Assert.Equal(0, CliRun.Run("access", "init-authority", "--out", authority).ExitCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var grant = directory.File("g.jwt");
        Assert.Equal(0, CliRun.Run("access", "grant", "--authority-key", Path.Combine(authority, "authority.key.pem"), "--subject", "s", "--institution", "i",
            "--tier", "controlled", "--identity-verified", "--rcr-training", Day(-1), "--ct-training", Day(-1), "--code-of-conduct", Day(-1),
            "--institution-controlled-agreement", "--workspace", "w", "--purpose", "p", "--expires", Day(2), "--out", grant).ExitCode);
        var log = directory.File("audit.jsonl");
        var cli = typeof(Program).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";

        const int Workers = 4;
        const int RunsPerWorker = 4;
        var codes = new int[Workers * RunsPerWorker];
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, w =>
        {
            for (var r = 0; r < RunsPerWorker; r++)
            {
                // Alternate allowed and refused decisions: both are appended.
                var operation = (w + r) % 2 == 0 ? "convert" : "export-plink";
                var credential = (w + r) % 3 == 0 ? [] : new[] { "--credential", grant };
                var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var arg in new[] { cli, "access", "check", "--operation", operation, "--trust", authority, "--audit", log }.Concat(credential))
                {
                    start.ArgumentList.Add(arg);
                }

                using var process = Process.Start(start)!;
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                codes[(w * RunsPerWorker) + r] = process.ExitCode;
            }
        });

        Assert.All(codes, code => Assert.True(code is 0 or 9, $"exit {code}"));
        Assert.Contains(9, codes);
        var result = AuditLog.Verify(log);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(Workers * RunsPerWorker, result.Lines);
    }
}
