namespace Genomics.Parquet;

/// <summary>Settings for the Parquet file writer.</summary>
public sealed record ParquetWriterOptions
{
    public ParquetCompression Compression { get; init; } = ParquetCompression.Zstd;

    /// <summary>Codec level (zstd 1..22, gzip 0..9 mapped to fastest/optimal/smallest); null = the codec's default.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>Try dictionary encoding for columns whose encoding is Auto.</summary>
    public bool UseDictionary { get; init; } = true;

    /// <summary>A column chunk's dictionary may grow to this many bytes of PLAIN values before the chunk falls back to PLAIN.</summary>
    public int DictionaryPageSizeLimit { get; init; } = 1 << 20;

    /// <summary>Target uncompressed bytes of values per data page (pages end at row boundaries).</summary>
    public int DataPageSize { get; init; } = 1 << 20;

    /// <summary>Write min/max/null_count statistics for pages and column chunks.</summary>
    public bool WriteStatistics { get; init; } = true;

    /// <summary>Write DataPage V2 headers instead of V1.</summary>
    public bool DataPageV2 { get; init; }

    /// <summary>Write the ColumnIndex/OffsetIndex page index after the row groups.</summary>
    public bool WritePageIndex { get; init; } = true;

    /// <summary>Threads compressing a column chunk's pages in parallel (compression dominates the cost of writing).</summary>
    public int CompressionThreads { get; init; } = 1;

    /// <summary>The created_by string in the footer.</summary>
    public string CreatedBy { get; init; } = "genomics version " + typeof(ParquetWriterOptions).Assembly.GetName().Version?.ToString(3);
}
