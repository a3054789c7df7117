using Genomics.Cohorts;
using Genomics.Stats.Kernels;

namespace Genomics.Stats;

/// <summary>
/// Turns sites into summary rows for every cohort: biallelic rows in the packed form through the packed counter,
/// everything else (multi-allelic, haploid, polyploid, partially missing) through the wide reference counter. Holds
/// scratch space: one instance per thread.
/// </summary>
public sealed class CohortSummarizer
{
    private readonly PackedCohortCounter packed;
    private readonly AlleleTally[] tallies;
    private readonly double[] hweScratch;
    private readonly HardyWeinbergMemo hweMemo = new();

    /// <param name="masks">Cohorts and their masks.</param>
    /// <param name="ploidy">How packed calls are read by site (PLINK input); null when packed rows are all diploid.</param>
    /// <param name="kernel">The code counter; null for the one the CPU runs best.</param>
    public CohortSummarizer(CohortMasks masks, PloidyModel? ploidy, ICohortCodeCounter? kernel = null)
    {
        Masks = masks;
        Ploidy = ploidy;
        packed = new PackedCohortCounter(masks, kernel);
        tallies = new AlleleTally[masks.Cohorts.Count];
        hweScratch = new double[masks.Cohorts.Count];
    }

    /// <summary>The cohorts and their masks.</summary>
    public CohortMasks Masks { get; }

    /// <summary>The ploidy model packed rows are read with, if any.</summary>
    public PloidyModel? Ploidy { get; }

    /// <summary>The cohorts.</summary>
    public CohortSet Cohorts => Masks.Cohorts;

    /// <summary>Counts one packed row (the site's single ALT against REF) into <paramref name="result"/>, one tally per cohort.</summary>
    public void CountPacked(SummarySite site, ReadOnlySpan<byte> row, Span<AlleleTally> result)
    {
        result[..Cohorts.Count].Clear();
        var kind = Ploidy?.KindOf(site.Contig, site.Position) ?? SiteKind.Diploid;
        packed.Count(row, kind, result);
    }

    /// <summary>Writes the rows of a packed site (one ALT, or none).</summary>
    public void AddPacked(SummarySite site, ReadOnlySpan<byte> row, ISummarySink sink)
    {
        CountPacked(site, row, tallies);
        Emit(site, 1, tallies, sink);
    }

    /// <summary>Writes the rows of a site in the wide form: one set per ALT (one for a site without ALT).</summary>
    /// <param name="site">The site.</param>
    /// <param name="alleles">N × <paramref name="ploidy"/> allele indexes.</param>
    /// <param name="ploidy">Slots per call.</param>
    /// <param name="sink">Where the rows go.</param>
    public void AddWide(SummarySite site, ReadOnlySpan<sbyte> alleles, int ploidy, ISummarySink sink)
    {
        var alts = Math.Max(1, site.Alts.Count);
        for (var alt = 1; alt <= alts; alt++)
        {
            Array.Clear(tallies);
            if (ploidy > 0)
            {
                WideCallCounter.Count(alleles, ploidy, alt, Cohorts, tallies);
            }
            else
            {
                // No GT at this site: every sample is there, none called.
                for (var c = 0; c < Cohorts.Count; c++)
                {
                    tallies[c].Samples = Cohorts.SizeOf(c);
                }
            }

            Emit(site, alt, tallies, sink);
        }
    }

    /// <summary>Writes one row per cohort of already counted tallies.</summary>
    public void Emit(SummarySite site, int alleleIndex, ReadOnlySpan<AlleleTally> counted, ISummarySink sink)
    {
        var hwe = hweScratch.AsSpan(0, Cohorts.Count);
        HardyWeinbergOf(counted, hwe);
        sink.Write(site, alleleIndex, Cohorts.Names, counted, hwe);
    }

    /// <summary>Each tally's HWE p-value, NaN where undefined (recurring counts answered from this instance's memo).</summary>
    public void HardyWeinbergOf(ReadOnlySpan<AlleleTally> counted, Span<double> hweP)
    {
        for (var c = 0; c < counted.Length; c++)
        {
            hweP[c] = hweMemo.ExactP(counted[c].HomRef, counted[c].Het, counted[c].HomAlt);
        }
    }

    /// <summary>HWE lookups answered from memory so far.</summary>
    internal long HardyWeinbergHits => hweMemo.Hits;
}
