namespace Genomics.Vcf;

/// <summary>How the Number of an INFO or FORMAT definition says how many values a field holds.</summary>
public enum VcfNumberKind
{
    /// <summary>A fixed count (<see cref="VcfNumber.Count"/>); 0 for flags.</summary>
    Fixed,

    /// <summary>'A': one value per ALT allele.</summary>
    AltAlleles,

    /// <summary>'R': one value per allele, REF included.</summary>
    Alleles,

    /// <summary>'G': one value per possible genotype (depends on the call's ploidy).</summary>
    Genotypes,

    /// <summary>'.': any number.</summary>
    Unbounded,

    /// <summary>'LA' (VCF 4.4): one value per local ALT allele.</summary>
    LocalAltAlleles,

    /// <summary>'LR' (VCF 4.4): one value per local allele, REF included.</summary>
    LocalAlleles,

    /// <summary>'LG' (VCF 4.4): one value per possible genotype over the local alleles.</summary>
    LocalGenotypes,

    /// <summary>'P' (VCF 4.4): one value per allele of the call (the ploidy).</summary>
    Ploidy,

    /// <summary>'M' (VCF 4.5): one value per base modification.</summary>
    BaseModifications,
}
