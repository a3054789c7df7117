namespace Genomics.Dataset;

/// <summary>One table of a dataset: its Parquet files (relative to the dataset folder) and total rows.</summary>
public sealed record DatasetTable(long Rows, IReadOnlyList<string> Files);
