using BenchmarkDotNet.Attributes;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Kernels;
using Genomics.Parquet.Thrift;

namespace Genomics.Benchmarks.Parquet;

/// <summary>The encoders on their own: bit packing per kernel, RLE levels, delta for sorted positions.</summary>
/// <summary>Bit packing of dictionary indices, per kernel.</summary>
[Config(typeof(ThroughputConfig))]
public class BitPackBenchmarks
{
    private const int Count = 1 << 20;

    private byte[] _indices = null!;
    private byte[] _packed = null!;
    private BitPackKernel _kernel = null!;

    [Params("scalar", "swar", "v128", "v256")]
    public string Kernel { get; set; } = "v256";

    [GlobalSetup]
    public void Setup()
    {
        _kernel = BitPackKernel.Supported().First(k => k.Name == Kernel);
        _indices = [.. GenotypeData.Values(Count, seed: 3).Select(g => (byte)(g + 1))];
        _packed = new byte[Count];
        ThroughputConfig.Record(this, Count);
    }

    [Benchmark]
    public void Width2() => _kernel.Pack(_indices, 2, _packed);

    [Benchmark]
    public void Width1() => _kernel.Pack(_indices, 1, _packed);
}
