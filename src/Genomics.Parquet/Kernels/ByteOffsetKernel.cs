using System.Runtime.Intrinsics;

namespace Genomics.Parquet.Kernels;

/// <summary>
/// Turns Int8 values into dictionary indices when the dictionary is a contiguous range: index = value − min.
/// The scalar class is the specification; vector classes must match it on every input.
/// </summary>
internal abstract class ByteOffsetKernel
{
    /// <summary>The fastest kernel this CPU supports, or the one forced by GENOMICS_SIMD (scalar, v128, v256).</summary>
    public static ByteOffsetKernel Best { get; } = Choose(Environment.GetEnvironmentVariable("GENOMICS_SIMD"));

    public abstract string Name { get; }

    /// <summary>Kernels usable on this machine, scalar first.</summary>
    public static IReadOnlyList<ByteOffsetKernel> Supported()
    {
        var list = new List<ByteOffsetKernel> { new ScalarByteOffsetKernel() };
        if (Vector128.IsHardwareAccelerated)
        {
            list.Add(new Vector128ByteOffsetKernel());
        }

        if (Vector256.IsHardwareAccelerated)
        {
            list.Add(new Vector256ByteOffsetKernel());
        }

        return list;
    }

    public abstract void Apply(ReadOnlySpan<sbyte> values, sbyte min, Span<byte> indices);

    private static ByteOffsetKernel Choose(string? forced)
    {
        var supported = Supported();
        return forced?.ToLowerInvariant() switch
        {
            "scalar" => supported[0],
            "v128" => supported.FirstOrDefault(k => k is Vector128ByteOffsetKernel) ?? supported[0],
            _ => supported[^1],
        };
    }
}
