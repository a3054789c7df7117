using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>
/// Picks the VCF parsing kernels once per process: the widest this CPU runs (up to 256-bit), or what the environment
/// variable <c>GENOMICS_SIMD</c> (<c>scalar</c>, <c>v128</c>, <c>v256</c>; <c>v512</c> means v256 here) asks for,
/// capped at what the CPU supports. The same variable steers the genotype kernels.
/// </summary>
public static class VcfKernels
{
    private static readonly Lazy<SimdLevel> Selected = new(
        () => SimdSelection.Resolve(Environment.GetEnvironmentVariable(SimdSelection.VariableName), PreferredLevel));

    private static readonly Lazy<IDelimiterScanner> SelectedScanner = new(() => CreateDelimiterScanner(SelectedLevel));

    private static readonly Lazy<IDiploidCallDecoder> SelectedCallDecoder = new(() => CreateDiploidCallDecoder(SelectedLevel));

    /// <summary>The level in use: <see cref="PreferredLevel"/> unless <c>GENOMICS_SIMD</c> lowers it.</summary>
    public static SimdLevel SelectedLevel => Selected.Value;

    /// <summary>The widest level with an implementation that this CPU runs.</summary>
    public static SimdLevel PreferredLevel =>
        IsSupported(SimdLevel.Vector256) ? SimdLevel.Vector256
        : IsSupported(SimdLevel.Vector128) ? SimdLevel.Vector128
        : SimdLevel.Scalar;

    /// <summary>Every level this CPU runs (what the tests compare against the scalar reference).</summary>
    public static IReadOnlyList<SimdLevel> SupportedLevels { get; } = [.. Enum.GetValues<SimdLevel>().Where(IsSupported)];

    /// <summary>The delimiter scanner for <see cref="SelectedLevel"/>.</summary>
    public static IDelimiterScanner DelimiterScanner => SelectedScanner.Value;

    /// <summary>The GT fast-path decoder for <see cref="SelectedLevel"/>.</summary>
    public static IDiploidCallDecoder DiploidCallDecoder => SelectedCallDecoder.Value;

    /// <summary>Whether this CPU runs the VCF kernels of <paramref name="level"/> (there are none wider than 256-bit).</summary>
    public static bool IsSupported(SimdLevel level) => level switch
    {
        SimdLevel.Scalar => true,
        SimdLevel.Vector128 => Vector128DelimiterScanner.IsSupported && Vector128DiploidCallDecoder.IsSupported,
        SimdLevel.Vector256 => Vector256DelimiterScanner.IsSupported && Vector256DiploidCallDecoder.IsSupported,
        _ => false,
    };

    /// <summary>A delimiter scanner of the given level; throws <see cref="PlatformNotSupportedException"/> if the CPU lacks it.</summary>
    public static IDelimiterScanner CreateDelimiterScanner(SimdLevel level) => RequireSupported(level) switch
    {
        SimdLevel.Vector128 => new Vector128DelimiterScanner(),
        SimdLevel.Vector256 => new Vector256DelimiterScanner(),
        _ => new ScalarDelimiterScanner(),
    };

    /// <summary>A GT fast-path decoder of the given level; throws <see cref="PlatformNotSupportedException"/> if the CPU lacks it.</summary>
    public static IDiploidCallDecoder CreateDiploidCallDecoder(SimdLevel level) => RequireSupported(level) switch
    {
        SimdLevel.Vector128 => new Vector128DiploidCallDecoder(),
        SimdLevel.Vector256 => new Vector256DiploidCallDecoder(),
        _ => new ScalarDiploidCallDecoder(),
    };

    private static SimdLevel RequireSupported(SimdLevel level) => IsSupported(level)
        ? level
        : throw new PlatformNotSupportedException($"This CPU cannot run the {level} VCF kernels.");
}
