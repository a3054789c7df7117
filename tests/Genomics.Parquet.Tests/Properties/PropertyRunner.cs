using FsCheck;
using FsCheck.Fluent;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>Runs FsCheck properties from xunit facts; a falsified property throws, which fails the fact.</summary>
internal static class PropertyRunner
{
    /// <summary>
    /// Multiplies every property's test count (environment variable GENOMICS_PROPERTY_SCALE, default 1), for
    /// longer local soak runs without slowing the normal suite.
    /// </summary>
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("GENOMICS_PROPERTY_SCALE"), out var s) && s > 0 ? s : 1;

    /// <summary>Checks that <paramref name="body"/> holds (returns true, throws nothing) for <paramref name="maxTest"/> generated values.</summary>
    public static void Check<T>(Gen<T> gen, int maxTest, Func<T, bool> body)
    {
        var property = Prop.ForAll(Arb.From(gen), body);
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest * Scale), property);
    }

    /// <summary>Same, for bodies that assert instead of returning a verdict.</summary>
    public static void Check<T>(Gen<T> gen, int maxTest, Action<T> body)
    {
        var property = Prop.ForAll(Arb.From(gen), body);
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest * Scale), property);
    }

    /// <summary>Any 64-bit value: a mix of small sized values, full-range values and the extremes.</summary>
    public static Gen<long> AnyInt64 { get; } = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<long>()),
        (4, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)).Select(t => ((long)t.Item1 << 32) | (uint)t.Item2)),
        (1, Gen.Elements(long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1, 0L, -1L, 1L, int.MinValue, int.MaxValue, uint.MaxValue)));

    /// <summary>Any 32-bit value, weighted like <see cref="AnyInt64"/>.</summary>
    public static Gen<int> AnyInt32 { get; } = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<int>()),
        (4, Gen.Choose(int.MinValue, int.MaxValue)),
        (1, Gen.Elements(int.MinValue, int.MaxValue, int.MinValue + 1, int.MaxValue - 1, 0, -1, 1)));

    public static Gen<(T1, T2, T3)> Zip<T1, T2, T3>(Gen<T1> a, Gen<T2> b, Gen<T3> c) =>
        Gen.Zip(Gen.Zip(a, b), c, (ab, x) => (ab.Item1, ab.Item2, x));
}
