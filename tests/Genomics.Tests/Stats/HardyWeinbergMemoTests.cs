using FsCheck;
using FsCheck.Fluent;
using Genomics.Stats;

namespace Genomics.Tests.Stats;

public sealed class HardyWeinbergMemoTests
{
    [Fact]
    public void Remembered_values_are_the_exact_test_bit_for_bit()
    {
        // Counts drawn from a small pool repeat (hits), from a wide range mostly not (slot collisions evict); zeros give
        // the test's null, which the memo answers as NaN.
        var small = Gen.Choose(0, 6).Select(v => (long)v);
        var wide = Gen.Choose(0, 5000).Select(v => (long)v);
        var triple = Gen.Frequency(
            (3, Gen.Zip(Gen.Zip(small, small), small).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2))),
            (1, Gen.Zip(Gen.Zip(wide, wide), wide).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2))));
        Prop.ForAll(triple.ArrayOf().ToArbitrary(), ((long, long, long)[] sequence) =>
        {
            var memo = new HardyWeinbergMemo();
            foreach (var (homRef, het, homAlt) in sequence)
            {
                var expected = HardyWeinberg.ExactP(homRef, het, homAlt) ?? double.NaN;
                var actual = memo.ExactP(homRef, het, homAlt);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Repeated_counts_are_answered_from_memory()
    {
        var memo = new HardyWeinbergMemo();
        var first = memo.ExactP(800, 350, 40);
        Assert.Equal(0, memo.Hits);
        Assert.Equal(first, memo.ExactP(800, 350, 40));
        Assert.Equal(1, memo.Hits);
        Assert.Equal(HardyWeinberg.ExactP(801, 350, 40), memo.ExactP(801, 350, 40));
        Assert.Equal(1, memo.Hits);
    }
}
