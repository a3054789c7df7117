namespace Genomics.Tests.Stats;

/// <summary>
/// The exact test as first written, stepping the counts as integers and converting them per step: the reference the
/// production form (counts carried as exact doubles) must match bit for bit.
/// </summary>
internal static class HardyWeinbergReference
{
    private const double TieSlack = 1 + 1e-7;
    private const double Negligible = 1e-13;

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

        // Downwards from mid.
        var p = 1.0;
        var hom1 = (rare - mid) / 2;
        var hom2 = genotypes - mid - hom1;
        for (var h = mid; h > 1; h -= 2)
        {
            p *= (double)h * (h - 1) / (4.0 * (hom1 + 1) * (hom2 + 1));
            hom1++;
            hom2++;
            total += p;
            if (p <= threshold)
            {
                tail += p;
                if (p < limit && h - 2 < het)
                {
                    break;
                }
            }
        }

        // Upwards from mid.
        p = 1.0;
        hom1 = (rare - mid) / 2;
        hom2 = genotypes - mid - hom1;
        for (var h = mid; h <= rare - 2; h += 2)
        {
            p *= 4.0 * hom1 * hom2 / ((h + 2.0) * (h + 1));
            hom1--;
            hom2--;
            total += p;
            if (p <= threshold)
            {
                tail += p;
                if (p < limit && h + 2 > het)
                {
                    break;
                }
            }
        }

        return Math.Min(1.0, tail / total);
    }

    // The probability of `het` heterozygotes relative to that of `mid`.
    private static double Probability(long het, long mid, long rare, long genotypes)
    {
        var p = 1.0;
        var hom1 = (rare - mid) / 2;
        var hom2 = genotypes - mid - hom1;
        for (var h = mid; h > het; h -= 2)
        {
            p *= (double)h * (h - 1) / (4.0 * (hom1 + 1) * (hom2 + 1));
            hom1++;
            hom2++;
        }

        for (var h = mid; h < het; h += 2)
        {
            p *= 4.0 * hom1 * hom2 / ((h + 2.0) * (h + 1));
            hom1--;
            hom2--;
        }

        return p;
    }
}
