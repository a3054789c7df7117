namespace Genomics.Export;

/// <summary>What an export wrote, and what it had to leave out.</summary>
public sealed record PlinkExportResult(string Prefix, long Samples, long Variants, long SkippedMultiallelic);
