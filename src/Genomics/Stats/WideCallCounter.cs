using System.Runtime.CompilerServices;
using Genomics.Cohorts;

namespace Genomics.Stats;

/// <summary>
/// The specification of every count, one call at a time, from allele indexes (the wide form: -1 a missing allele, -2 an
/// unused slot of a lower-ploidy call). Counts multi-allelic, haploid, polyploid and partially missing calls, and is
/// what the packed counter is tested against. A call whose slots are all -2 is not counted at all.
/// </summary>
public static class WideCallCounter
{
    /// <summary>
    /// Adds one site's calls to <paramref name="tallies"/> (one per cohort of <paramref name="cohorts"/>), counting
    /// allele <paramref name="alt"/> (1 = first ALT) as the ALT.
    /// </summary>
    /// <param name="alleles">N × <paramref name="ploidy"/> allele indexes, sample-major.</param>
    /// <param name="ploidy">Slots per call.</param>
    /// <param name="alt">The ALT allele counted.</param>
    /// <param name="cohorts">Which samples each tally counts.</param>
    /// <param name="tallies">One accumulator per cohort.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Count(ReadOnlySpan<sbyte> alleles, int ploidy, int alt, CohortSet cohorts, Span<AlleleTally> tallies)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ploidy, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(alleles.Length, cohorts.SampleCount * ploidy, nameof(alleles));
        ArgumentOutOfRangeException.ThrowIfLessThan(tallies.Length, cohorts.Count, nameof(tallies));
        for (var sample = 0; sample < cohorts.SampleCount; sample++)
        {
            var call = alleles.Slice(sample * ploidy, ploidy);
            int used = 0, missing = 0, copies = 0, refs = 0;
            foreach (var allele in call)
            {
                if (allele == -2)
                {
                    continue;
                }

                used++;
                missing += allele < 0 ? 1 : 0;
                copies += allele == alt ? 1 : 0;
                refs += allele == 0 ? 1 : 0;
            }

            if (used == 0)
            {
                continue;
            }

            var called = missing == 0;
            foreach (var cohort in cohorts.CohortsOf(sample))
            {
                ref var t = ref tallies[cohort];
                t.Samples++;
                t.AlleleNumber += used - missing;
                t.AlleleCount += copies;
                t.Carriers += copies > 0 ? 1 : 0;
                if (!called)
                {
                    continue;
                }

                t.Called++;
                if (used == 2)
                {
                    t.HomRef += refs == 2 ? 1 : 0;
                    t.Het += refs == 1 && copies == 1 ? 1 : 0;
                    t.HomAlt += copies == 2 ? 1 : 0;
                }
                else if (used == 1)
                {
                    t.HemiRef += refs;
                    t.HemiAlt += copies;
                }
            }
        }
    }
}
