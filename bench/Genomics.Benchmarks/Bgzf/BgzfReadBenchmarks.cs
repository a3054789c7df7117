using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Genomics.Bgzf;

namespace Genomics.Benchmarks.Bgzf;

/// <summary>
/// Reading a ~100 MB (inflated) BGZF VCF to the end, as a parser would pull it, per thread count and backend;
/// with <c>bgzip -dc</c> (htslib, libdeflate) on the same file alongside when it is installed.
/// Run: <c>dotnet run -c Release --project bench/Genomics.Benchmarks -- --filter '*BgzfRead*' --job short</c>.
/// </summary>
[Config(typeof(Config))]
public class BgzfReadBenchmarks
{
    private readonly byte[] _buffer = new byte[256 * 1024];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public static void Setup() => BgzfBenchmarkInput.EnsureExists();

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

        using var input = DecompressedInput.Open(BgzfBenchmarkInput.Path, new BgzfReaderOptions { Threads = Threads, Backend = backend });
        long total = 0;
        int n;
        while ((n = input.Stream.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new InflatedThroughputColumn());
        }
    }
}
