using System.Numerics;
using System.Runtime.CompilerServices;

namespace Genomics.Vcf.Kernels;

/// <summary>Turning a compare mask (bit i set: byte i of the block is a delimiter) into recorded indexes.</summary>
internal static class DelimiterBits
{
    /// <summary>A mask of bits 0 through <paramref name="last"/> inclusive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UpTo(int last) => (uint)((2UL << last) - 1);

    /// <summary>Writes the index of every set bit, lowest first; the caller guarantees room for all of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Record(uint mask, int blockStart, ref int target, int recorded)
    {
        while (mask != 0)
        {
            Unsafe.Add(ref target, recorded++) = blockStart + BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }

        return recorded;
    }
}
