using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Genomics.Bgzf;

namespace Genomics.Benchmarks.Bgzf;

/// <summary>
/// Reading a ~100 MB (inflated) BGZF VCF to the end, as a parser would pull it, per thread count and backend;
/// with <c>bgzip -dc</c> (htslib, libdeflate) on the same file alongside when it is installed.
/// Run: <c>dotnet run -c Release --project bench/Genomics.Benchmarks -- --filter '*BgzfRead*' --job short</c>.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class BgzfReadBenchmarks
{
    private readonly byte[] _buffer = new byte[256 * 1024];
    private TimeSpan _cpuAtStart;
    private long _reads;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        BgzfBenchmarkInput.EnsureExists();

        // The MB/s column counts inflated output bytes, for bgzip as for us.
        ThroughputConfig.Record(this, BgzfBenchmarkInput.InflatedLength(BgzfBenchmarkInput.Path));
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>
    /// Prints CPU time per read to the log: on a shared machine wall time swings with other people's load,
    /// while CPU seconds per byte is what "MB/s per core" means.
    /// </summary>
    [GlobalCleanup]
    public void ReportCpu()
    {
        if (_reads == 0)
        {
            return;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds / _reads;
        var megabytes = BgzfBenchmarkInput.InflatedLength(BgzfBenchmarkInput.Path) / 1e6;
        Console.WriteLine(System.FormattableString.Invariant(
            $"// BGZF CPU: threads={Threads}: {_reads} reads, {cpu * 1000:F1} ms CPU each = {megabytes / cpu:F0} MB inflated per CPU-second"));
    }

    [Benchmark(Baseline = true)]
    public long Libdeflate() => ReadAll(InflateBackend.Libdeflate);

    [Benchmark]
    public long Managed() => ReadAll(InflateBackend.Managed);

    [Benchmark]
    public long BgzipCommand()
    {
        // Through the shell so bgzip's output goes straight to /dev/null, as in `bgzip -dc file > /dev/null`.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"bgzip -dc -@ {Threads} '{BgzfBenchmarkInput.Path}' > /dev/null" },
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException("bgzip failed (is tabix installed?)");
    }

    private long ReadAll(InflateBackend backend)
    {
        if (!InflateBackends.IsAvailable(backend))
        {
            throw new InvalidOperationException($"{backend} is not available here");
        }

        _reads++;
        using var input = DecompressedInput.Open(BgzfBenchmarkInput.Path, new BgzfReaderOptions { Threads = Threads, Backend = backend });
        long total = 0;
        int n;
        while ((n = input.Stream.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
