namespace Genomics.Stats;

/// <summary>How a site's calls are read when the input gives no ploidy per call (PLINK): by chromosome and sex, as plink2 does.</summary>
public enum SiteKind
{
    /// <summary>Autosomes, PAR (chrX inside a given PAR, or code XY/25) and unplaced contigs: everyone diploid.</summary>
    Diploid,

    /// <summary>chrX outside the PAR: males haploid, everyone else diploid.</summary>
    XNonPar,

    /// <summary>chrY: males haploid, other samples not counted.</summary>
    Y,

    /// <summary>Mitochondria: everyone haploid.</summary>
    Mitochondrial,
}
