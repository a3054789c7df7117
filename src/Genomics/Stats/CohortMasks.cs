using Genomics.Cohorts;
using Genomics.Genotypes;

namespace Genomics.Stats;

/// <summary>
/// The sample masks the packed counter uses, one set per <see cref="SiteKind"/>: for each cohort, its diploid members
/// and its haploid members (those the site reads as haploid), each a packed-row-shaped mask with 0b11 per member. One
/// pass of the kernel over a row counts every cohort.
/// </summary>
public sealed class CohortMasks
{
    private readonly MaskSet[] sets;

    /// <param name="cohorts">The cohorts counted.</param>
    /// <param name="ploidy">How calls are read by site; null when every call is diploid (a VCF's packed rows).</param>
    public CohortMasks(CohortSet cohorts, PloidyModel? ploidy)
    {
        Cohorts = cohorts;
        var n = cohorts.SampleCount;
        RowBytes = PackedGenotypes.BytesPerRow(n);

        // Whole 64-byte vectors per mask, zero past the row, so any kernel may read a full vector of each mask.
        Stride = Math.Max(64, (RowBytes + 63) & ~63);
        sets = new MaskSet[Enum.GetValues<SiteKind>().Length];
        foreach (var kind in Enum.GetValues<SiteKind>())
        {
            sets[(int)kind] = Build(kind, cohorts, ploidy, Stride);
        }
    }

    /// <summary>The cohorts these masks select.</summary>
    public CohortSet Cohorts { get; }

    /// <summary>Bytes of a packed row.</summary>
    public int RowBytes { get; }

    /// <summary>Bytes from one mask to the next.</summary>
    public int Stride { get; }

    /// <summary>The masks used at a site of <paramref name="kind"/>.</summary>
    internal MaskSet For(SiteKind kind) => sets[(int)kind];

    private static MaskSet Build(SiteKind kind, CohortSet cohorts, PloidyModel? ploidy, int stride)
    {
        var entries = new List<(int Cohort, bool Haploid, int[] Members)>();
        for (var c = 0; c < cohorts.Count; c++)
        {
            var diploid = new List<int>();
            var haploid = new List<int>();
            foreach (var s in cohorts.Members(c))
            {
                switch (ploidy?.ClassOf(kind, s) ?? CallClass.Diploid)
                {
                    case CallClass.Diploid:
                        diploid.Add(s);
                        break;
                    case CallClass.Haploid:
                        haploid.Add(s);
                        break;
                }
            }

            // An empty mask of a kind that has the other one adds nothing; keep one entry per cohort so every tally is visited.
            if (diploid.Count > 0 || haploid.Count == 0)
            {
                entries.Add((c, false, [.. diploid]));
            }

            if (haploid.Count > 0)
            {
                entries.Add((c, true, [.. haploid]));
            }
        }

        var bytes = new byte[entries.Count * stride];
        for (var k = 0; k < entries.Count; k++)
        {
            var mask = bytes.AsSpan(k * stride, stride);
            foreach (var s in entries[k].Members)
            {
                mask[s >> 2] |= (byte)(0b11 << ((s & 3) << 1));
            }
        }

        return new MaskSet(bytes, [.. entries.Select(e => e.Cohort)], [.. entries.Select(e => e.Haploid)], [.. entries.Select(e => (long)e.Members.Length)]);
    }

    /// <summary>The masks of one site kind and what each stands for.</summary>
    internal sealed record MaskSet(byte[] Bytes, int[] Cohort, bool[] Haploid, long[] Members)
    {
        public int Count => Cohort.Length;
    }
}
