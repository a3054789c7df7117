namespace Genomics.Stats;

/// <summary>What a public release wrote.</summary>
/// <param name="Summary">The summary run the release was computed from (its controlled-tier file is gone).</param>
/// <param name="Output">The public-tier file.</param>
/// <param name="SuppressedCells">Cells nulled by disclosure control (counts, af and hwe_p).</param>
/// <param name="RowsWithSuppression">Rows with at least one suppressed cell.</param>
/// <param name="Threshold">Counts from 1 to this value were suppressed.</param>
public sealed record PublicReleaseResult(SummaryResult Summary, string Output, long SuppressedCells, long RowsWithSuppression, int Threshold);
