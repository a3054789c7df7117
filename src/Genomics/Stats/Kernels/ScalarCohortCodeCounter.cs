using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Numerics;
using Genomics.Genotypes.Kernels;

namespace Genomics.Stats.Kernels;

/// <summary>The reference: 64-bit words (32 samples), three popcounts per word and mask.</summary>
internal sealed class ScalarCohortCodeCounter : ICohortCodeCounter
{
    private const ulong EvenBits = 0x5555_5555_5555_5555UL;

    public SimdLevel Level => SimdLevel.Scalar;

    public void Count(ReadOnlySpan<byte> row, ReadOnlySpan<byte> masks, int maskStride, Span<CodePlaneCounts> counts)
    {
        CohortCodeGuard.Require(row.Length, masks.Length, maskStride, counts.Length);
        for (var k = 0; k < counts.Length; k++)
        {
            CountFrom(row, masks.Slice(k * maskStride, row.Length), 0, ref counts[k]);
        }
    }

    /// <summary>Counts bytes <paramref name="start"/>.. of the row under one mask (the vector kernels' tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CountFrom(ReadOnlySpan<byte> row, ReadOnlySpan<byte> mask, int start, ref CodePlaneCounts counts)
    {
        long low = 0, high = 0, both = 0;
        var i = start;
        for (; i + 8 <= row.Length; i += 8)
        {
            var kept = BinaryPrimitives.ReadUInt64LittleEndian(row[i..]) & BinaryPrimitives.ReadUInt64LittleEndian(mask[i..]);
            var lo = kept & EvenBits;
            var hi = (kept >> 1) & EvenBits;
            low += BitOperations.PopCount(lo);
            high += BitOperations.PopCount(hi);
            both += BitOperations.PopCount(lo & hi);
        }

        for (; i < row.Length; i++)
        {
            var kept = (uint)(row[i] & mask[i]);
            var lo = kept & 0x55u;
            var hi = (kept >> 1) & 0x55u;
            low += BitOperations.PopCount(lo);
            high += BitOperations.PopCount(hi);
            both += BitOperations.PopCount(lo & hi);
        }

        counts.Low += low;
        counts.High += high;
        counts.Both += both;
    }
}
