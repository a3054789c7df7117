namespace Genomics.Dataset;

/// <summary>Which genotype column a dataset carries (dataset.md): lossless allele calls, or ALT dosages.</summary>
public enum GenotypeColumn
{
    /// <summary>call_genotype LIST&lt;INT8&gt;: allele index per haplotype, -1 missing, -2 fill.</summary>
    Calls,

    /// <summary>dosage LIST&lt;INT8&gt;: ALT copies 0/1/2, null when missing.</summary>
    Dosage,
}
