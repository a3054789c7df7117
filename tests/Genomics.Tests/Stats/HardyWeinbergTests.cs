using FsCheck;
using FsCheck.Fluent;
using Genomics.Stats;

namespace Genomics.Tests.Stats;

public sealed class HardyWeinbergTests
{
    [Theory]
    [InlineData(2, 5, 4, 1.0)] // plink2 2.00a --hardy on a --dummy site
    [InlineData(4, 4, 3, 0.542748)]
    [InlineData(0, 0, 10, 1.0)]
    public void Matches_plink2_values(long homRef, long het, long homAlt, double expected)
    {
        Assert.Equal(expected, HardyWeinberg.ExactP(homRef, het, homAlt)!.Value, 5);
    }

    [Fact]
    public void No_calls_has_no_p_value() => Assert.Null(HardyWeinberg.ExactP(0, 0, 0));

    [Fact]
    public void Matches_full_enumeration_from_factorials()
    {
        var counts = Gen.Choose(0, 300);
        Prop.ForAll(counts.ToArbitrary(), counts.ToArbitrary(), counts.ToArbitrary(), (a, h, b) =>
        {
            if (a + h + b == 0)
            {
                return true;
            }

            var expected = Enumerated(a, h, b);
            var actual = HardyWeinberg.ExactP(a, h, b)!.Value;
            return Math.Abs(actual - expected) <= 1e-9 * Math.Max(expected, 1e-300) || (expected < 1e-280 && actual < 1e-280);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Equals_the_integer_stepping_reference_bit_for_bit()
    {
        // Small counts (every branch: no rare allele, observed at either side of the mode), cohort-sized and
        // biobank-sized counts, and strong heterozygote excess or deficit.
        var small = Gen.Choose(0, 40).Select(v => (long)v);
        var cohort = Gen.Choose(0, 3000).Select(v => (long)v);
        var large = Gen.Choose(0, 400_000).Select(v => (long)v);
        var counts = Gen.Frequency((2, small), (3, cohort), (1, large));
        Prop.ForAll(counts.ToArbitrary(), counts.ToArbitrary(), counts.ToArbitrary(), (a, h, b) =>
        {
            var expected = HardyWeinbergReference.ExactP(a, h, b);
            var actual = HardyWeinberg.ExactP(a, h, b);
            Assert.Equal(expected is null, actual is null);
            if (expected is { } e)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(e), BitConverter.DoubleToInt64Bits(actual!.Value));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void Symmetric_in_the_homozygotes_and_tiny_for_a_strong_excess()
    {
        Assert.Equal(HardyWeinberg.ExactP(30, 10, 5), HardyWeinberg.ExactP(5, 10, 30));
        Assert.True(HardyWeinberg.ExactP(0, 2000, 0) < 1e-100);
    }

    // The definition: P(het = k | n genotypes, r rare copies) = n! / (hom1! k! hom2!) × 2^k × r! (2n − r)! / (2n)!,
    // summed over every k no more likely than the observed one, in logs.
    private static double Enumerated(long homRef, long het, long homAlt)
    {
        var n = homRef + het + homAlt;
        var rare = (2 * Math.Min(homRef, homAlt)) + het;
        var logs = new List<(long K, double Log)>();
        for (var k = rare % 2; k <= rare; k += 2)
        {
            var hom1 = (rare - k) / 2;
            var hom2 = n - k - hom1;
            if (hom2 < 0)
            {
                continue;
            }

            logs.Add((k, LogFactorial(n) - LogFactorial(hom1) - LogFactorial(k) - LogFactorial(hom2) + (k * Math.Log(2))
                + LogFactorial(rare) + LogFactorial((2 * n) - rare) - LogFactorial(2 * n)));
        }

        var observed = logs.Single(l => l.K == het).Log;
        return Math.Min(1, logs.Where(l => l.Log <= observed + 1e-9).Sum(l => Math.Exp(l.Log)));
    }

    private static double LogFactorial(long n)
    {
        double sum = 0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }
}
