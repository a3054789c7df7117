using System.Runtime.CompilerServices;

namespace Genomics.Stats;

/// <summary>
/// Remembers recent Hardy–Weinberg p-values by genotype counts: the exact test walks the whole likelihood of the
/// heterozygote count, and the same counts recur across sites and cohorts (rare variants, small cohorts). A slot holds
/// the last counts hashed to it; a hit returns the very double computed before, so results do not change. One per
/// thread.
/// </summary>
internal sealed class HardyWeinbergMemo
{
    private const int Slots = 1 << 12;

    private readonly long[] homRef = new long[Slots], het = new long[Slots], homAlt = new long[Slots];
    private readonly double[] p = new double[Slots];
    private readonly bool[] filled = new bool[Slots];

    /// <summary>Lookups answered from memory (for measurement and tests).</summary>
    public long Hits { get; private set; }

    /// <summary>The exact p-value of <see cref="HardyWeinberg.ExactP"/>, NaN where it is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ExactP(long homRefCount, long hetCount, long homAltCount)
    {
        var hash = unchecked((ulong)((homRefCount * 0x9E3779B1L) ^ (hetCount * 0x85EBCA77L) ^ (homAltCount * 0xC2B2AE3DL)) * 0x9E3779B97F4A7C15UL);
        var slot = (int)(hash >> (64 - 12));
        if (filled[slot] && homRef[slot] == homRefCount && het[slot] == hetCount && homAlt[slot] == homAltCount)
        {
            Hits++;
            return p[slot];
        }

        var value = HardyWeinberg.ExactP(homRefCount, hetCount, homAltCount) ?? double.NaN;
        (homRef[slot], het[slot], homAlt[slot], p[slot], filled[slot]) = (homRefCount, hetCount, homAltCount, value, true);
        return value;
    }
}
