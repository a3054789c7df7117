namespace Genomics.Stats;

/// <summary>Where summary rows go, in order: a <see cref="SummaryWriter"/>, or a list in tests.</summary>
public interface ISummarySink
{
    /// <summary>Takes one row.</summary>
    void Write(CohortAlleleSummary row);
}
