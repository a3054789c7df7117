namespace Genomics.Stats;

/// <summary>
/// One row of the summary table: the statistics of one ALT allele of one variant in one cohort (dataset.md). Counts are
/// nullable so that disclosure control can suppress any of them and still hand back the same row type.
/// </summary>
public sealed record CohortAlleleSummary
{
    /// <summary>0-based index of the variant (site) in the input; joins to the dataset's variants table.</summary>
    public long VariantIndex { get; init; }

    /// <summary>The contig as named in the input.</summary>
    public required string Contig { get; init; }

    /// <summary>1-based position.</summary>
    public long Pos { get; init; }

    /// <summary>The variant ID; null for '.'.</summary>
    public string? Id { get; init; }

    /// <summary>The REF allele (PLINK: A2).</summary>
    public required string Ref { get; init; }

    /// <summary>The ALT allele; null for a site without one (VCF ALT '.', PLINK A1 '0').</summary>
    public string? Alt { get; init; }

    /// <summary>The ALT's position among the site's ALT alleles, 1-based.</summary>
    public int AlleleIndex { get; init; }

    /// <summary><c>ALL</c> or <c>column=value</c>.</summary>
    public required string Cohort { get; init; }

    /// <summary>Samples of the cohort counted at this site.</summary>
    public long? NSamples { get; init; }

    /// <summary>Calls with no missing allele.</summary>
    public long? NCalled { get; init; }

    /// <summary>n_samples − n_called.</summary>
    public long? NMissing { get; init; }

    /// <summary>Copies of the ALT allele.</summary>
    public long? Ac { get; init; }

    /// <summary>Called alleles.</summary>
    public long? An { get; init; }

    /// <summary>ac / an; null when an = 0.</summary>
    public double? Af { get; init; }

    /// <summary>Diploid REF/REF calls.</summary>
    public long? NHomRef { get; init; }

    /// <summary>Diploid REF/ALT calls.</summary>
    public long? NHet { get; init; }

    /// <summary>Diploid ALT/ALT calls.</summary>
    public long? NHomAlt { get; init; }

    /// <summary>Haploid REF calls.</summary>
    public long? NHemiRef { get; init; }

    /// <summary>Haploid ALT calls.</summary>
    public long? NHemiAlt { get; init; }

    /// <summary>Calls with at least one copy of the ALT.</summary>
    public long? Carriers { get; init; }

    /// <summary>Hardy–Weinberg exact p-value of the diploid calls; null without any.</summary>
    public double? HweP { get; init; }

    /// <summary>The row of <paramref name="tally"/> for ALT <paramref name="alleleIndex"/> of <paramref name="site"/> in <paramref name="cohort"/>.</summary>
    public static CohortAlleleSummary From(SummarySite site, int alleleIndex, string cohort, in AlleleTally tally) =>
        From(site, alleleIndex, cohort, tally, tally.HardyWeinbergP);

    /// <summary>As <see cref="From(SummarySite, int, string, in AlleleTally)"/>, with the HWE p-value already computed.</summary>
    public static CohortAlleleSummary From(SummarySite site, int alleleIndex, string cohort, in AlleleTally tally, double? hweP) => new()
    {
        VariantIndex = site.VariantIndex,
        Contig = site.Contig,
        Pos = site.Position,
        Id = site.Id,
        Ref = site.Ref,
        Alt = alleleIndex <= site.Alts.Count ? site.Alts[alleleIndex - 1] : null,
        AlleleIndex = alleleIndex,
        Cohort = cohort,
        NSamples = tally.Samples,
        NCalled = tally.Called,
        NMissing = tally.Missing,
        Ac = tally.AlleleCount,
        An = tally.AlleleNumber,
        Af = tally.Frequency,
        NHomRef = tally.HomRef,
        NHet = tally.Het,
        NHomAlt = tally.HomAlt,
        NHemiRef = tally.HemiRef,
        NHemiAlt = tally.HemiAlt,
        Carriers = tally.Carriers,
        HweP = hweP,
    };
}
