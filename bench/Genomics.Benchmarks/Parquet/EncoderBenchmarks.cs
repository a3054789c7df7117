using BenchmarkDotNet.Attributes;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Kernels;
using Genomics.Parquet.Thrift;

namespace Genomics.Benchmarks.Parquet;

/// <summary>The encoders on their own: bit packing per kernel, RLE levels, delta for sorted positions.</summary>
/// <summary>DELTA_BINARY_PACKED on sorted positions, and RLE levels as the writer feeds them.</summary>
[Config(typeof(ThroughputConfig))]
public class EncoderBenchmarks
{
    private const int Count = 1 << 20;

    private long[] _positions = null!;
    private ByteBuffer _buffer = null!;

    [GlobalSetup]
    public void Setup()
    {
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
