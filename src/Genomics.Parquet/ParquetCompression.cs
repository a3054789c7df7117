namespace Genomics.Parquet;

/// <summary>Page compression codecs this library writes (the numbers are Parquet's CompressionCodec values).</summary>
public enum ParquetCompression
{
    None = 0,
    Snappy = 1,
    Gzip = 2,
    Zstd = 6,
}
