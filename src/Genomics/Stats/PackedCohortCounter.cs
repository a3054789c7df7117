using System.Runtime.CompilerServices;
using Genomics.Stats.Kernels;

namespace Genomics.Stats;

/// <summary>
/// Every cohort's counts of one packed row in one kernel call (<see cref="ICohortCodeCounter"/>), turned into
/// <see cref="AlleleTally"/> values. Holds scratch space: one instance per thread.
/// </summary>
public sealed class PackedCohortCounter
{
    private readonly CohortMasks masks;
    private readonly ICohortCodeCounter kernel;
    private readonly CodePlaneCounts[] planes;

    /// <param name="masks">The cohorts' masks.</param>
    /// <param name="kernel">The kernel; null for the one the CPU runs best.</param>
    public PackedCohortCounter(CohortMasks masks, ICohortCodeCounter? kernel = null)
    {
        this.masks = masks;
        this.kernel = kernel ?? CohortCodeKernels.Counter;
        planes = new CodePlaneCounts[(masks.Cohorts.Count * 2) + 1];
    }

    /// <summary>Adds the counts of <paramref name="row"/>, read as a site of <paramref name="kind"/>, to one tally per cohort.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Count(ReadOnlySpan<byte> row, SiteKind kind, Span<AlleleTally> tallies)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row.Length, masks.RowBytes, nameof(row));
        ArgumentOutOfRangeException.ThrowIfLessThan(tallies.Length, masks.Cohorts.Count, nameof(tallies));
        var set = masks.For(kind);
        var counts = planes.AsSpan(0, set.Count);
        counts.Clear();
        kernel.Count(row[..masks.RowBytes], set.Bytes, masks.Stride, counts);
        for (var k = 0; k < counts.Length; k++)
        {
            ref var t = ref tallies[set.Cohort[k]];
            var c = counts[k];
            var members = set.Members[k];
            t.Samples += members;
            if (set.Haploid[k])
            {
                // A heterozygous code on a haploid call is missing, as plink2 reads it.
                var hemiRef = c.HomRef;
                var hemiAlt = c.HomAlt(members);
                t.HemiRef += hemiRef;
                t.HemiAlt += hemiAlt;
                t.Called += hemiRef + hemiAlt;
                t.AlleleNumber += hemiRef + hemiAlt;
                t.AlleleCount += hemiAlt;
                t.Carriers += hemiAlt;
            }
            else
            {
                var homAlt = c.HomAlt(members);
                var called = members - c.Missing;
                t.HomRef += c.HomRef;
                t.Het += c.Het;
                t.HomAlt += homAlt;
                t.Called += called;
                t.AlleleNumber += 2 * called;
                t.AlleleCount += c.Het + (2 * homAlt);
                t.Carriers += c.Het + homAlt;
            }
        }
    }
}
