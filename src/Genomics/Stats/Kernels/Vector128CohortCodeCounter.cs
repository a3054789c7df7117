using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Genomics.Genotypes.Kernels;

namespace Genomics.Stats.Kernels;

/// <summary>
/// Cohort code counting 16 packed bytes (64 samples) at a time with SSSE3: the row ANDed with the mask, each nibble
/// looked up in the three tables by a byte shuffle, byte lanes summed for up to
/// <see cref="CodeNibbleTables.IterationsPerFlush"/> vectors and then flushed into 64-bit lanes with a sum of absolute
/// differences against zero.
/// </summary>
internal sealed class Vector128CohortCodeCounter : ICohortCodeCounter
{
    public static bool IsSupported => Ssse3.IsSupported;

    public SimdLevel Level => SimdLevel.Vector128;

    public void Count(ReadOnlySpan<byte> row, ReadOnlySpan<byte> masks, int maskStride, Span<CodePlaneCounts> counts)
    {
        CohortCodeGuard.Require(row.Length, masks.Length, maskStride, counts.Length);
        for (var k = 0; k < counts.Length; k++)
        {
            var mask = masks.Slice(k * maskStride, row.Length);
            var done = CountVectors(row, mask, ref counts[k]);
            ScalarCohortCodeCounter.CountFrom(row, mask, done, ref counts[k]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountVectors(ReadOnlySpan<byte> row, ReadOnlySpan<byte> mask, ref CodePlaneCounts counts)
    {
        ref var rowStart = ref MemoryMarshal.GetReference(row);
        ref var maskStart = ref MemoryMarshal.GetReference(mask);
        var lowTable = Vector128.Create(CodeNibbleTables.Low);
        var highTable = Vector128.Create(CodeNibbleTables.High);
        var bothTable = Vector128.Create(CodeNibbleTables.Both);
        var nibble = Vector128.Create((byte)0x0F);
        Vector128<ulong> low = default, high = default, both = default;
        var vectors = row.Length / 16;
        var i = 0;
        while (i < vectors)
        {
            var end = Math.Min(vectors, i + CodeNibbleTables.IterationsPerFlush);
            Vector128<byte> lowBytes = default, highBytes = default, bothBytes = default;
            for (; i < end; i++)
            {
                var kept = Vector128.LoadUnsafe(ref rowStart, (nuint)(i * 16)) & Vector128.LoadUnsafe(ref maskStart, (nuint)(i * 16));
                var lo = kept & nibble;
                var hi = Vector128.ShiftRightLogical(kept.AsUInt16(), 4).AsByte() & nibble;
                lowBytes += Ssse3.Shuffle(lowTable, lo) + Ssse3.Shuffle(lowTable, hi);
                highBytes += Ssse3.Shuffle(highTable, lo) + Ssse3.Shuffle(highTable, hi);
                bothBytes += Ssse3.Shuffle(bothTable, lo) + Ssse3.Shuffle(bothTable, hi);
            }

            low += Flush(lowBytes);
            high += Flush(highBytes);
            both += Flush(bothBytes);
        }

        counts.Low += (long)Vector128.Sum(low);
        counts.High += (long)Vector128.Sum(high);
        counts.Both += (long)Vector128.Sum(both);
        return vectors * 16;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Flush(Vector128<byte> bytes) => Sse2.SumAbsoluteDifferences(bytes, Vector128<byte>.Zero).AsUInt64();
}
