namespace Genomics.Stats;

/// <summary>What a summary run wrote.</summary>
/// <param name="Output">The summary file.</param>
/// <param name="Samples">Samples in the data.</param>
/// <param name="Sites">Variants summarized.</param>
/// <param name="Rows">Rows written (sites × ALTs × cohorts).</param>
/// <param name="Cohorts">Cohorts, <c>ALL</c> included.</param>
/// <param name="ListedButAbsent">Samples of the cohorts file that the data does not have.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record SummaryResult(string Output, long Samples, long Sites, long Rows, int Cohorts, int ListedButAbsent, TimeSpan Elapsed);
