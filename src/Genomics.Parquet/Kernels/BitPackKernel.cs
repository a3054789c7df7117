using System.Runtime.Intrinsics;

namespace Genomics.Parquet.Kernels;

/// <summary>
/// Bit-packs byte-sized values (dictionary indices of small dictionaries: genotype codes) at width 1, 2, 4
/// or 8, least significant bit first as Parquet packs them. The scalar class is the specification.
/// </summary>
internal abstract class BitPackKernel
{
    /// <summary>The fastest kernel this CPU supports, or the one forced by GENOMICS_SIMD (scalar, swar, v128, v256).</summary>
    public static BitPackKernel Best { get; } = Choose(Environment.GetEnvironmentVariable("GENOMICS_SIMD"));

    public abstract string Name { get; }

    public static IReadOnlyList<BitPackKernel> Supported()
    {
        var list = new List<BitPackKernel> { new ScalarBitPackKernel(), new SwarBitPackKernel() };
        if (Vector128.IsHardwareAccelerated)
        {
            list.Add(new Vector128BitPackKernel());
        }

        if (Vector256.IsHardwareAccelerated)
        {
            list.Add(new Vector256BitPackKernel());
        }

        return list;
    }

    public static bool Handles(int bitWidth) => bitWidth is 1 or 2 or 4 or 8;

    /// <summary>Packs values (each below 2^bitWidth) into ceil(values.Length × bitWidth / 8) bytes of output.</summary>
    public abstract void Pack(ReadOnlySpan<byte> values, int bitWidth, Span<byte> output);

    private static BitPackKernel Choose(string? forced)
    {
        var supported = Supported();
        return forced?.ToLowerInvariant() switch
        {
            "scalar" => supported[0],
            "swar" => supported[1],
            "v128" => supported.FirstOrDefault(k => k is Vector128BitPackKernel) ?? supported[1],
            _ => supported[^1],
        };
    }
}
