namespace Genomics.Stats;

/// <summary>Where summary rows go, in order: a <see cref="SummaryWriter"/>, or a list in tests.</summary>
public interface ISummarySink
{
    /// <summary>Takes one row.</summary>
    void Write(CohortAlleleSummary row);

    /// <summary>
    /// Takes the rows of one ALT of one site, one per cohort: <paramref name="tallies"/>[c] and
    /// <paramref name="hweP"/>[c] (NaN when undefined) belong to cohort <paramref name="cohorts"/>[c]. Sinks that can
    /// store counts without building a row object override this.
    /// </summary>
    void Write(SummarySite site, int alleleIndex, IReadOnlyList<string> cohorts, ReadOnlySpan<AlleleTally> tallies, ReadOnlySpan<double> hweP)
    {
        for (var c = 0; c < cohorts.Count; c++)
        {
            Write(CohortAlleleSummary.From(site, alleleIndex, cohorts[c], tallies[c], double.IsNaN(hweP[c]) ? null : hweP[c]));
        }
    }
}
