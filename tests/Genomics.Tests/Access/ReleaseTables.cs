using FsCheck;
using FsCheck.Fluent;
using Genomics.Access;

namespace Genomics.Tests.Access;

/// <summary>A random per-cohort summary built from simulated participants, so every count is consistent.</summary>
internal sealed record ReleaseTable(ReleaseRow[] Rows, string Description)
{
    public override string ToString() => Description;
}

/// <summary>
/// Generates summaries the way the engine computes them: participants with cohort memberships (some unlisted in a
/// column), ploidy, missing and half-missing calls and a genotype over one or two ALT alleles; counts per (variant, ALT, cohort).
/// Sizes and genotype weights are chosen so many counts fall around the threshold.
/// </summary>
internal static class ReleaseTables
{
    private sealed record Participant(int[] Cohorts, bool Haploid, int[][] Alleles);

    public static Arbitrary<ReleaseTable> Tables(int replicate = 1) => Gen.Choose(0, int.MaxValue).Select(seed => Build(new Random(seed), seed, replicate)).ToArbitrary();

    public static ReleaseTable Build(Random random, int seed, int replicate)
    {
        var columns = random.Next(1, 4);
        var columnSizes = Enumerable.Range(0, columns).Select(_ => random.Next(1, 5)).ToArray();
        var unlisted = Enumerable.Range(0, columns).Select(_ => new[] { 0.0, 0.0, 0.08, 0.3 }[random.Next(4)]).ToArray();
        var haploidShare = new[] { 0.0, 0.0, 0.3, 1.0 }[random.Next(4)];
        var missingShare = new[] { 0.0, 0.03, 0.15 }[random.Next(3)];
        // Half-missing diploid calls (./1): their called allele counts in ac and an, as bcftools counts it.
        var partialShare = new[] { 0.0, 0.0, 0.05 }[random.Next(3)];
        var variants = random.Next(1, 3);
        var alts = Enumerable.Range(0, variants).Select(_ => random.Next(1, 3)).ToArray();
        // Allele weights per variant: rare ALTs make small counts.
        var weights = alts.Select(a => Enumerable.Range(0, a + 1).Select(k => k == 0 ? 1.0 : new[] { 0.01, 0.05, 0.2, 0.6 }[random.Next(4)]).ToArray()).ToArray();
        var n = random.Next(0, 4) == 0 ? random.Next(0, 25) : random.Next(20, 140);
        var participants = new List<Participant>();
        for (var p = 0; p < n; p++)
        {
            var cohorts = Enumerable.Range(0, columns).Select(c => random.NextDouble() < unlisted[c] ? -1 : random.Next(columnSizes[c])).ToArray();
            var haploid = random.NextDouble() < haploidShare;
            var alleles = Enumerable.Range(0, variants).Select(v =>
            {
                if (random.NextDouble() < missingShare)
                {
                    return [];
                }

                var call = Enumerable.Range(0, haploid ? 1 : 2).Select(_ => Pick(random, weights[v])).ToArray();
                if (!haploid && random.NextDouble() < partialShare)
                {
                    call[0] = -1;
                }

                return call;
            }).ToArray();
            for (var r = 0; r < replicate; r++)
            {
                participants.Add(new Participant(cohorts, haploid, alleles));
            }
        }

        var rows = new List<ReleaseRow>();
        for (var v = 0; v < variants; v++)
        {
            for (var a = 1; a <= alts[v]; a++)
            {
                rows.Add(Count(v, a, ReleaseRow.AllCohort, participants, random));
                for (var c = 0; c < columns; c++)
                {
                    for (var value = 0; value < columnSizes[c]; value++)
                    {
                        var (column, member) = (c, value);
                        rows.Add(Count(v, a, $"col{c}=v{value}", participants.Where(p => p.Cohorts[column] == member), random));
                    }
                }
            }
        }

        return new ReleaseTable([.. rows], $"seed {seed} ×{replicate}: {n} participants, columns [{string.Join(',', columnSizes)}], unlisted [{string.Join(',', unlisted)}], haploid {haploidShare}, missing {missingShare}, half-missing {partialShare}, alts [{string.Join(',', alts)}]");
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var k = 0; k < weights.Length; k++)
        {
            x -= weights[k];
            if (x < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Counts relative to ALT <paramref name="alt"/>: a call of another ALT is neither REF nor this ALT.</summary>
    private static ReleaseRow Count(int variant, int alt, string cohort, IEnumerable<Participant> members, Random random)
    {
        long samples = 0, called = 0, ac = 0, an = 0, homRef = 0, het = 0, homAlt = 0, hemiRef = 0, hemiAlt = 0, carriers = 0;
        foreach (var p in members)
        {
            samples++;
            var call = p.Alleles[variant];
            if (call.Length == 0)
            {
                continue;
            }

            var copies = call.Count(x => x == alt);
            var refs = call.Count(x => x == 0);
            an += call.Count(x => x >= 0);
            ac += copies;
            carriers += copies > 0 ? 1 : 0;
            if (call.Contains(-1))
            {
                // Not a complete call: missing for n_called and the genotype classes, counted for ac, an, carriers.
                continue;
            }

            called++;
            if (p.Haploid)
            {
                hemiRef += refs;
                hemiAlt += copies;
            }
            else if (refs == 2)
            {
                homRef++;
            }
            else if (copies == 2)
            {
                homAlt++;
            }
            else if (copies == 1 && refs == 1)
            {
                het++;
            }
        }

        return new ReleaseRow
        {
            VariantIndex = variant,
            AlleleIndex = alt,
            Cohort = cohort,
            NSamples = samples,
            NCalled = called,
            NMissing = samples - called,
            Ac = ac,
            An = an,
            NHomRef = homRef,
            NHet = het,
            NHomAlt = homAlt,
            NHemiRef = hemiRef,
            NHemiAlt = hemiAlt,
            Carriers = carriers,
            Af = an == 0 ? null : (double)ac / an,
            HweP = homRef + het + homAlt == 0 ? null : random.NextDouble(),
        };
    }
}
