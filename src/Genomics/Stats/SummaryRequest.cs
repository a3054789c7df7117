namespace Genomics.Stats;

/// <summary>Asks a conversion to write summary.parquet in the same pass (<c>convert --cohorts</c>).</summary>
/// <param name="CohortsPath">The cohorts file.</param>
/// <param name="Par">The PAR of chrX for PLINK input, or null.</param>
/// <param name="SexFrom">A cohorts-file column to take sexes from, or null.</param>
/// <param name="OnWarning">Receives warnings (listed samples absent from the data), or null.</param>
public sealed record SummaryRequest(string CohortsPath, PseudoautosomalRegions? Par = null, string? SexFrom = null, Action<string>? OnWarning = null);
