using System.Numerics;

namespace Genomics.Parquet.Encodings;

/// <summary>Bits needed to represent values up to a maximum (levels, dictionary indices).</summary>
internal static class BitWidth
{
    public static int For(ulong maxValue) => maxValue == 0 ? 0 : 64 - BitOperations.LeadingZeroCount(maxValue);
}
