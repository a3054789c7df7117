using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Genomics.Bgzf;

namespace Genomics.Benchmarks.Bgzf;

/// <summary>
/// The per-block work of the BGZF reader in isolation, on one 65280-byte block of the benchmark VCF:
/// inflating it and checksumming its output, per backend. Divide 65.28 KB by the time for MB/s per core.
/// </summary>
public class BgzfKernelBenchmarks
{
    private readonly byte[] _output = new byte[65536];
    private byte[] _chunk = [];
    private byte[] _deflated = [];
    private DeflateDecoder? _libdeflate;
    private DeflateDecoder? _managed;

    [GlobalSetup]
    public void Setup()
    {
        BgzfBenchmarkInput.EnsureExists();
        using (var input = new GZipStream(File.OpenRead(BgzfBenchmarkInput.Path), CompressionMode.Decompress))
        {
            // Skip the header lines' block so the sample is genotype rows.
            _chunk = new byte[0xff00];
            input.ReadExactly(_chunk);
            input.ReadExactly(_chunk);
        }

        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(_chunk);
        }

        _deflated = deflated.ToArray();
        _managed = DeflateDecoder.Create(InflateBackend.Managed);
        _libdeflate = InflateBackends.IsLibdeflateAvailable ? DeflateDecoder.Create(InflateBackend.Libdeflate) : null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _managed?.Dispose();
        _libdeflate?.Dispose();
    }

    [Benchmark]
    public int InflateLibdeflate()
    {
        _libdeflate!.Inflate(_deflated, _output, out var written);
        return written;
    }

    [Benchmark]
    public int InflateManaged()
    {
        _managed!.Inflate(_deflated, _output, out var written);
        return written;
    }

    [Benchmark]
    public uint Crc32Libdeflate() => _libdeflate!.Crc32(_chunk);

    [Benchmark]
    public uint Crc32Managed() => ManagedCrc32.Compute(_chunk);
}
