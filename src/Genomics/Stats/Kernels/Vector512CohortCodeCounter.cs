using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Genomics.Genotypes.Kernels;

namespace Genomics.Stats.Kernels;

/// <summary>
/// Cohort code counting 64 packed bytes (256 samples) at a time with AVX-512 BW: the row ANDed with the mask, each nibble
/// looked up in the three tables by a byte shuffle, byte lanes summed for up to
/// <see cref="CodeNibbleTables.IterationsPerFlush"/> vectors and then flushed into 64-bit lanes with a sum of absolute
/// differences against zero.
/// </summary>
internal sealed class Vector512CohortCodeCounter : ICohortCodeCounter
{
    public static bool IsSupported => Avx512BW.IsSupported;

    public SimdLevel Level => SimdLevel.Vector512;

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
        var lowTable = Vector512.Create(Vector256.Create(Vector128.Create(CodeNibbleTables.Low)));
        var highTable = Vector512.Create(Vector256.Create(Vector128.Create(CodeNibbleTables.High)));
        var bothTable = Vector512.Create(Vector256.Create(Vector128.Create(CodeNibbleTables.Both)));
        var nibble = Vector512.Create((byte)0x0F);
        Vector512<ulong> low = default, high = default, both = default;
        var vectors = row.Length / 64;
        var i = 0;
        while (i < vectors)
        {
            var end = Math.Min(vectors, i + CodeNibbleTables.IterationsPerFlush);
            Vector512<byte> lowBytes = default, highBytes = default, bothBytes = default;
            for (; i < end; i++)
            {
                var kept = Vector512.LoadUnsafe(ref rowStart, (nuint)(i * 64)) & Vector512.LoadUnsafe(ref maskStart, (nuint)(i * 64));
                var lo = kept & nibble;
                var hi = Vector512.ShiftRightLogical(kept.AsUInt16(), 4).AsByte() & nibble;
                lowBytes += Avx512BW.Shuffle(lowTable, lo) + Avx512BW.Shuffle(lowTable, hi);
                highBytes += Avx512BW.Shuffle(highTable, lo) + Avx512BW.Shuffle(highTable, hi);
                bothBytes += Avx512BW.Shuffle(bothTable, lo) + Avx512BW.Shuffle(bothTable, hi);
            }

            low += Flush(lowBytes);
            high += Flush(highBytes);
            both += Flush(bothBytes);
        }

        counts.Low += (long)Vector512.Sum(low);
        counts.High += (long)Vector512.Sum(high);
        counts.Both += (long)Vector512.Sum(both);
        return vectors * 64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Flush(Vector512<byte> bytes) => Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
}
