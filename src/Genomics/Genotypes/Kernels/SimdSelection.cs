namespace Genomics.Genotypes.Kernels;

/// <summary>Reads the <c>GENOMICS_SIMD</c> override; kept apart from the factory so the rules can be tested directly.</summary>
internal static class SimdSelection
{
    public const string VariableName = "GENOMICS_SIMD";

    /// <summary>
    /// The level to use: <paramref name="best"/> when nothing is requested, otherwise the requested level capped at
    /// <paramref name="best"/>, because forcing an instruction set the CPU lacks would crash mid-run instead of at start.
    /// </summary>
    public static SimdLevel Resolve(string? requested, SimdLevel best)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return best;
        }

        var level = requested.Trim().ToLowerInvariant() switch
        {
            "scalar" => SimdLevel.Scalar,
            "v128" => SimdLevel.Vector128,
            "v256" => SimdLevel.Vector256,
            "v512" => SimdLevel.Vector512,
            _ => throw new InvalidOperationException(
                $"{VariableName}='{requested}' is not one of scalar, v128, v256, v512; unset it to use the best the CPU supports."),
        };
        return level <= best ? level : best;
    }
}
