using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Genomics.Genotypes.Kernels;
using Genomics.Vcf;

namespace Genomics.Benchmarks.Vcf;

/// <summary>
/// Parsing (not writing) a whole simulated VCF (2000 samples × 20000 variants) from memory into batches, GT-only and
/// GT:DP:GQ:AD, with the scalar kernels and with the widest this CPU runs. The MB/s column is uncompressed text per
/// second on one thread; the log adds MB per CPU-second, which other load on a shared machine does not skew.
/// Run: <c>dotnet run -c Release --project bench/Genomics.Benchmarks -- --filter '*VcfParse*'</c>.
/// </summary>
[Config(typeof(ThroughputConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class VcfParseBenchmarks
{
    private byte[] text = [];
    private TimeSpan cpuAtStart;
    private long parses;

    [Params("GT", "GT:DP:GQ:AD")]
    public string Format { get; set; } = "GT";

    [Params(SimdLevel.Scalar, SimdLevel.Vector256)]
    public SimdLevel Kernels { get; set; } = SimdLevel.Vector256;

    [GlobalSetup]
    public void Setup()
    {
        text = File.ReadAllBytes(SimulatedVcf.EnsureExists(Format));
        ThroughputConfig.Record(this, text.Length);
        cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [GlobalCleanup]
    public void ReportCpu()
    {
        if (parses == 0)
        {
            return;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds / parses;
        Console.WriteLine(FormattableString.Invariant(
            $"// VCF parse CPU: {Format} {Kernels}: {parses} parses, {cpu * 1000:F0} ms CPU each = {text.Length / 1e6 / cpu:F0} MB per CPU-second"));
    }

    [Benchmark]
    public long Parse()
    {
        parses++;
        var options = new VcfReaderOptions { KernelLevel = Kernels, Bgzf = new Genomics.Bgzf.BgzfReaderOptions { Threads = 1 } };
        using var reader = VcfReader.Open(new MemoryStream(text, writable: false), "bench.vcf", options);
        var batch = reader.CreateBatch();
        long calls = 0;
        while (reader.ReadBatch(batch))
        {
            calls += batch.Count;
        }

        return calls;
    }
}
