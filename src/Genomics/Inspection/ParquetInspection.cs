namespace Genomics.Inspection;

/// <summary>What a Parquet file holds, in plain terms: schema, row groups, column chunks and the first rows.</summary>
public sealed record ParquetInspection(
    string Path,
    long SizeBytes,
    string? CreatedBy,
    long RowCount,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<SchemaColumn> Columns,
    IReadOnlyList<RowGroupSummary> RowGroups,
    IReadOnlyList<string> PreviewHeader,
    IReadOnlyList<IReadOnlyList<string>> PreviewRows);

/// <summary>A top-level column: its name, how it is stored (physical type) and what it means (logical type).</summary>
public sealed record SchemaColumn(string Name, string Type, string Physical, string Logical, bool Nullable);

/// <summary>One row group and its column chunks.</summary>
public sealed record RowGroupSummary(int Index, long Rows, long CompressedBytes, long UncompressedBytes, IReadOnlyList<ChunkSummary> Chunks);

/// <summary>One column chunk: codec, encodings, sizes and statistics.</summary>
public sealed record ChunkSummary(
    string Column,
    string Codec,
    string Encodings,
    long Values,
    long CompressedBytes,
    long UncompressedBytes,
    string? Min,
    string? Max,
    long? NullCount,
    bool HasDictionary,
    bool HasPageIndex);
