namespace Genomics.Stats;

/// <summary>
/// One row of a public-tier summary: the summary row with its suppressed cells null, and the names of those cells
/// (n_het, ac, af, hwe_p, …) in column order. A controlled-tier row read back has none.
/// </summary>
/// <param name="Row">The summary row; suppressed counts, af and hwe_p are null.</param>
/// <param name="Suppressed">The columns whose values were suppressed by disclosure control.</param>
public sealed record PublicSummaryRow(CohortAlleleSummary Row, IReadOnlyList<string> Suppressed);
