using Genomics.Parquet;

namespace Genomics.Dataset;

/// <summary>How a dataset is written.</summary>
public sealed record DatasetWriterOptions
{
    public ParquetCompression Compression { get; init; } = ParquetCompression.Zstd;

    public int? CompressionLevel { get; init; }

    /// <summary>A variants part is closed and a new one started once it passes this many bytes.</summary>
    public long PartSizeLimit { get; init; } = 1L << 30;

    /// <summary>Threads compressing pages in parallel.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The command line recorded in the manifest.</summary>
    public string Command { get; init; } = "";
}
