namespace Genomics.Stats.Kernels;

/// <summary>
/// 16-entry byte tables over a nibble holding two 2-bit codes: how many of the two have the low bit, the high bit,
/// and both bits set. The vector counters look nibbles up with a byte shuffle, as popcount-by-table does.
/// </summary>
internal static class CodeNibbleTables
{
    public static ReadOnlySpan<byte> Low => [0, 1, 0, 1, 1, 2, 1, 2, 0, 1, 0, 1, 1, 2, 1, 2];

    public static ReadOnlySpan<byte> High => [0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 2, 2, 1, 1, 2, 2];

    public static ReadOnlySpan<byte> Both => [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 2];

    /// <summary>
    /// Vector iterations before a byte lane may overflow: each adds at most 4 (two nibbles, two codes each), and a
    /// byte holds 255.
    /// </summary>
    public const int IterationsPerFlush = 63;
}
