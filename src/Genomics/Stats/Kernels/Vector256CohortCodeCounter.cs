using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Genomics.Genotypes.Kernels;

namespace Genomics.Stats.Kernels;

/// <summary>
/// Cohort code counting 32 packed bytes (128 samples) at a time with AVX2 (the byte shuffle works per 128-bit half, so each half holds the tables): the row ANDed with the mask, each nibble
/// looked up in the three tables by a byte shuffle, byte lanes summed for up to
/// <see cref="CodeNibbleTables.IterationsPerFlush"/> vectors and then flushed into 64-bit lanes with a sum of absolute
/// differences against zero.
/// </summary>
internal sealed class Vector256CohortCodeCounter : ICohortCodeCounter
{
    public static bool IsSupported => Avx2.IsSupported;

    public SimdLevel Level => SimdLevel.Vector256;

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
        var lowTable = Vector256.Create(Vector128.Create(CodeNibbleTables.Low));
        var highTable = Vector256.Create(Vector128.Create(CodeNibbleTables.High));
        var bothTable = Vector256.Create(Vector128.Create(CodeNibbleTables.Both));
        var nibble = Vector256.Create((byte)0x0F);
        Vector256<ulong> low = default, high = default, both = default;
        var vectors = row.Length / 32;
        var i = 0;
        while (i < vectors)
        {
            var end = Math.Min(vectors, i + CodeNibbleTables.IterationsPerFlush);
            Vector256<byte> lowBytes = default, highBytes = default, bothBytes = default;
            for (; i < end; i++)
            {
                var kept = Vector256.LoadUnsafe(ref rowStart, (nuint)(i * 32)) & Vector256.LoadUnsafe(ref maskStart, (nuint)(i * 32));
                var lo = kept & nibble;
                var hi = Vector256.ShiftRightLogical(kept.AsUInt16(), 4).AsByte() & nibble;
                lowBytes += Avx2.Shuffle(lowTable, lo) + Avx2.Shuffle(lowTable, hi);
                highBytes += Avx2.Shuffle(highTable, lo) + Avx2.Shuffle(highTable, hi);
                bothBytes += Avx2.Shuffle(bothTable, lo) + Avx2.Shuffle(bothTable, hi);
            }

            low += Flush(lowBytes);
            high += Flush(highBytes);
            both += Flush(bothBytes);
        }

        counts.Low += (long)Vector256.Sum(low);
        counts.High += (long)Vector256.Sum(high);
        counts.Both += (long)Vector256.Sum(both);
        return vectors * 32;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Flush(Vector256<byte> bytes) => Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64();
}
