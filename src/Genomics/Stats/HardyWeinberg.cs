using System.Runtime.CompilerServices;
namespace Genomics.Stats;

/// <summary>
/// The Hardy–Weinberg exact test of Wigginton, Cutler and Abecasis (2005), on diploid genotype counts: the probability,
/// given the allele counts, of a heterozygote count at most as likely as the one observed (no mid-p adjustment, as
/// plink2 --hardy reports by default).
/// </summary>
public static class HardyWeinberg
{
    // Probabilities computed along different recurrence paths can differ in the last bits; a tie with the observed
    // count must still count as "as likely", so the comparison allows this relative slack.
    private const double TieSlack = 1 + 1e-7;

    // Terms are dropped once this much smaller than the observed count's probability: the numerator holds at least
    // that probability and the tails shrink faster than geometrically, so the p-value keeps ~11 significant digits.
    private const double Negligible = 1e-13;

    /// <summary>The exact p-value, or null without any diploid call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? ExactP(long homRef, long het, long homAlt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(homRef);
        ArgumentOutOfRangeException.ThrowIfNegative(het);
        ArgumentOutOfRangeException.ThrowIfNegative(homAlt);
        var genotypes = homRef + het + homAlt;
        if (genotypes == 0)
        {
            return null;
        }

        var rareHoms = Math.Min(homRef, homAlt);
        var rare = (2 * rareHoms) + het;

        // The most likely heterozygote count sits near rare × (2n − rare) / 2n, with the parity of rare.
        var mid = (long)((double)rare * ((2 * genotypes) - rare) / (2.0 * genotypes));
        if (((rare ^ mid) & 1) != 0)
        {
            mid++;
        }

        // Relative probabilities: 1 at mid, the recurrence of the paper stepping two heterozygotes at a time outwards.
        var observed = Probability(het, mid, rare, genotypes);
        var limit = Math.Max(observed, double.Epsilon) * Negligible;
        double total = 1, tail = observed >= 1 / TieSlack ? 1 : 0;
        var threshold = observed * TieSlack;

        // Counts are whole numbers far below 2^53, so they are carried as doubles: every one is exact, and each factor is
        // the very double the integer form converted per step gave (same operations, same order), without conversions.
        var hetD = (double)het;
        var midD = (double)mid;
        var hom1Mid = (double)((rare - mid) / 2);
        var hom2Mid = (double)(genotypes - mid - ((rare - mid) / 2));

        // Downwards from mid.
        var p = 1.0;
        var hom1 = hom1Mid;
        var hom2 = hom2Mid;
        for (var h = midD; h > 1; h -= 2)
        {
            p *= h * (h - 1) / (4.0 * (hom1 + 1) * (hom2 + 1));
            hom1++;
            hom2++;
            total += p;
            if (p <= threshold)
            {
                tail += p;
                if (p < limit && h - 2 < hetD)
                {
                    break;
                }
            }
        }

        // Upwards from mid.
        p = 1.0;
        hom1 = hom1Mid;
        hom2 = hom2Mid;
        var top = (double)(rare - 2);
        for (var h = midD; h <= top; h += 2)
        {
            p *= 4.0 * hom1 * hom2 / ((h + 2.0) * (h + 1));
            hom1--;
            hom2--;
            total += p;
            if (p <= threshold)
            {
                tail += p;
                if (p < limit && h + 2 > hetD)
                {
                    break;
                }
            }
        }

        return Math.Min(1.0, tail / total);
    }

    // The probability of `het` heterozygotes relative to that of `mid`.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Probability(long het, long mid, long rare, long genotypes)
    {
        // Exact whole-number doubles, as in ExactP.
        var p = 1.0;
        var hom1 = (double)((rare - mid) / 2);
        var hom2 = (double)(genotypes - mid - ((rare - mid) / 2));
        var target = (double)het;
        for (var h = (double)mid; h > target; h -= 2)
        {
            p *= h * (h - 1) / (4.0 * (hom1 + 1) * (hom2 + 1));
            hom1++;
            hom2++;
        }

        for (var h = (double)mid; h < target; h += 2)
        {
            p *= 4.0 * hom1 * hom2 / ((h + 2.0) * (h + 1));
            hom1--;
            hom2--;
        }

        return p;
    }
}
