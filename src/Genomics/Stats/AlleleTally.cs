namespace Genomics.Stats;

/// <summary>
/// The counts behind one (variant, ALT allele, cohort) row, accumulated call by call or from code counts.
/// </summary>
public struct AlleleTally
{
    /// <summary>Samples whose call counts at this site (all of the cohort, except nonmales on chrY for PLINK input).</summary>
    public long Samples;

    /// <summary>Calls with no missing allele.</summary>
    public long Called;

    /// <summary>Copies of the ALT allele (partially missing calls count their called alleles).</summary>
    public long AlleleCount;

    /// <summary>Called alleles.</summary>
    public long AlleleNumber;

    /// <summary>Diploid REF/REF calls.</summary>
    public long HomRef;

    /// <summary>Diploid REF/ALT calls.</summary>
    public long Het;

    /// <summary>Diploid ALT/ALT calls.</summary>
    public long HomAlt;

    /// <summary>Haploid REF calls.</summary>
    public long HemiRef;

    /// <summary>Haploid ALT calls.</summary>
    public long HemiAlt;

    /// <summary>Calls with at least one copy of the ALT allele.</summary>
    public long Carriers;

    /// <summary>Samples − called.</summary>
    public readonly long Missing => Samples - Called;

    /// <summary>ac / an, or null when no allele is called.</summary>
    public readonly double? Frequency => AlleleNumber == 0 ? null : (double)AlleleCount / AlleleNumber;

    /// <summary>The Hardy–Weinberg exact p-value of the diploid calls, or null without any.</summary>
    public readonly double? HardyWeinbergP => HardyWeinberg.ExactP(HomRef, Het, HomAlt);
}
