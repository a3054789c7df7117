using BenchmarkDotNet.Attributes;
using Genomics.Parquet;

namespace Genomics.Benchmarks.Parquet;

/// <summary>
/// Writing a genotype-shaped column: LIST&lt;INT8&gt; rows of N values in {-1, 0, 1, 2}, dictionary encoded.
/// About 64 million values per operation; the Throughput column divides them by the mean time.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class GenotypeColumnBenchmarks
{
    private const int TargetValues = 64_000_000;

    private ParquetSchema _schema = null!;
    private ListArray _column = null!;
    private MemoryStream _output = null!;

    [Params(2_000, 500_000)]
    public int ValuesPerRow { get; set; }

    [Params(ParquetCompression.None, ParquetCompression.Zstd)]
    public ParquetCompression Compression { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rows = Math.Max(1, TargetValues / ValuesPerRow);
        var values = GenotypeData.Values(rows * ValuesPerRow, seed: 7);
        var offsets = new int[rows + 1];
        for (var i = 0; i <= rows; i++)
        {
            offsets[i] = i * ValuesPerRow;
        }

        _schema = new ParquetSchema(ParquetField.List("call_genotype", ParquetField.Primitive("element", ParquetValueType.Int8), nullable: false));
        _column = new ListArray(offsets, new PrimitiveArray<sbyte>(values));
        _output = new MemoryStream(values.Length);
        ThroughputConfig.Record(this, values.Length, MeasureBitsPerValue);
    }

    [Benchmark]
    public long WriteColumn()
    {
        _output.SetLength(0);
        using (var writer = new ParquetFileWriter(_output, _schema, new ParquetWriterOptions { Compression = Compression, CompressionLevel = 1 }, leaveOpen: true))
        {
            writer.WriteRowGroup([_column]);
        }

        return _output.Length;
    }

    private double MeasureBitsPerValue() => WriteColumn() * 8.0 / _column.Values.Length;
}
