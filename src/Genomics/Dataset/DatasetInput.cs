namespace Genomics.Dataset;

/// <summary>An input file a dataset was made from, identified by size and SHA-256 so a dataset can be traced to its source.</summary>
public sealed record DatasetInput(string Name, long SizeBytes, string Sha256);
