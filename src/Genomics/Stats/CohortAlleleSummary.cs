namespace Genomics.Stats;

/// <summary>
/// One row of the summary table: the statistics of one ALT allele of one variant in one cohort (dataset.md). Counts are
/// nullable so that disclosure control can suppress any of them and still hand back the same row type.
/// </summary>
public sealed record CohortAlleleSummary
{
    public long VariantIndex { get; init; }

    public required string Contig { get; init; }

    public long Pos { get; init; }

    public string? Id { get; init; }

    public required string Ref { get; init; }

    /// <summary>The ALT allele; null for a site without one (VCF ALT '.', PLINK A1 '0').</summary>
    public string? Alt { get; init; }

    /// <summary>The ALT's position among the site's ALT alleles, 1-based.</summary>
    public int AlleleIndex { get; init; }

    /// <summary><c>ALL</c> or <c>column=value</c>.</summary>
    public required string Cohort { get; init; }

    public long? NSamples { get; init; }

    public long? NCalled { get; init; }

    public long? NMissing { get; init; }

    public long? Ac { get; init; }

    public long? An { get; init; }

    public double? Af { get; init; }

    public long? NHomRef { get; init; }

    public long? NHet { get; init; }

    public long? NHomAlt { get; init; }

    public long? NHemiRef { get; init; }

    public long? NHemiAlt { get; init; }

    public long? Carriers { get; init; }

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
