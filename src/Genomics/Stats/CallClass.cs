namespace Genomics.Stats;

/// <summary>How one sample's 2-bit call at one site is read.</summary>
public enum CallClass : byte
{
    /// <summary>Two alleles.</summary>
    Diploid,

    /// <summary>One allele: hom codes are hemizygous calls, a heterozygous code is missing (as plink2).</summary>
    Haploid,

    /// <summary>Not counted at all (nonmales on chrY).</summary>
    Excluded,
}
