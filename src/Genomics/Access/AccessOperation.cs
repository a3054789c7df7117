namespace Genomics.Access;

/// <summary>What a caller asks the gate to do; <see cref="AccessOperations.RequiredTier"/> says which tier each needs.</summary>
public enum AccessOperation
{
    /// <summary>Convert genotype files to a dataset (reads genotypes, writes participant-level data).</summary>
    Convert,

    /// <summary>Compute an unsuppressed per-cohort summary (controlled-tier output).</summary>
    Summarize,

    /// <summary>Compute a summary from genotypes and release it as public after disclosure control.</summary>
    SummarizePublicRelease,

    /// <summary>Write a dataset back as a PLINK fileset.</summary>
    ExportPlink,

    /// <summary>Read genotype values from a dataset.</summary>
    ReadGenotypes,

    /// <summary>Read an unsuppressed (controlled-tier) summary.</summary>
    ShowControlledSummary,

    /// <summary>Read a public-tier summary; needs no grant.</summary>
    ShowSummary,
}
