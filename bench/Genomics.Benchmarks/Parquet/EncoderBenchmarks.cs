using BenchmarkDotNet.Attributes;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Kernels;
using Genomics.Parquet.Thrift;

namespace Genomics.Benchmarks.Parquet;

/// <summary>The encoders on their own: bit packing per kernel, RLE levels, delta for sorted positions.</summary>
[Config(typeof(ThroughputConfig))]
public class EncoderBenchmarks
{
    private const int Count = 1 << 20;

    private byte[] _indices = null!;
    private byte[] _packed = null!;
    private long[] _positions = null!;
    private ByteBuffer _buffer = null!;
    private BitPackKernel _kernel = null!;

    [Params("scalar", "swar", "v128", "v256")]
    public string Kernel { get; set; } = "v256";

    [GlobalSetup]
    public void Setup()
    {
        _kernel = BitPackKernel.Supported().First(k => k.Name == Kernel);
        var genotypes = GenotypeData.Values(Count, seed: 3);
        _indices = [.. genotypes.Select(g => (byte)(g + 1))];
        _packed = new byte[Count];
        var rng = new Random(5);
        _positions = new long[Count];
        for (var i = 1; i < Count; i++)
        {
            _positions[i] = _positions[i - 1] + rng.Next(1, 2000);
        }

        _buffer = new ByteBuffer(Count * 8);
        ThroughputConfig.Record(this, Count);
    }

    [Benchmark]
    public void BitPackWidth2() => _kernel.Pack(_indices, 2, _packed);

    [Benchmark]
    public void BitPackWidth1() => _kernel.Pack(_indices, 1, _packed);

    [Benchmark]
    public int DeltaBinaryPackedPositions()
    {
        _buffer.Clear();
        DeltaBinaryPacked.Encode(_positions, _buffer);
        return _buffer.Length;
    }

    [Benchmark]
    public int RleLevelsDenseLists()
    {
        // Repetition levels of 512 lists of 2,048 elements, as the writer feeds them: two runs per list.
        _buffer.Clear();
        var encoder = new RleHybridEncoder(_buffer, 1);
        for (var i = 0; i < Count / 2048; i++)
        {
            encoder.Add(0, 1);
            encoder.Add(1, 2047);
        }

        encoder.Finish();
        return _buffer.Length;
    }
}
