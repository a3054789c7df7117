namespace Genomics.Access;

/// <summary>The data tiers of the program (access.md), ordered: a higher tier includes everything below it.</summary>
public enum AccessTier
{
    /// <summary>Aggregate statistics with small counts suppressed; anyone may read them.</summary>
    Public = 0,

    /// <summary>Participant-level non-genomic data.</summary>
    Registered = 1,

    /// <summary>Everything registered holds plus genomic data (genotypes and anything derived at participant level).</summary>
    Controlled = 2,
}
