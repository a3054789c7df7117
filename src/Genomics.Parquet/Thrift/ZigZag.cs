using System.Runtime.CompilerServices;

namespace Genomics.Parquet.Thrift;

/// <summary>ZigZag mapping of signed to unsigned integers (small magnitudes become small varints).</summary>
internal static class ZigZag
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Encode(long value) => (ulong)((value << 1) ^ (value >> 63));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Decode(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
