using System.Runtime.Intrinsics;

namespace Genomics.Genotypes.Kernels;

/// <summary>
/// Picks the kernel implementations once per process: the widest the CPU runs well, or the one the environment
/// variable <c>GENOMICS_SIMD</c> (<c>scalar</c>, <c>v128</c>, <c>v256</c>, <c>v512</c>) asks for, capped at what the CPU supports.
/// </summary>
public static class GenotypeKernels
{
    private static readonly Lazy<SimdLevel> Selected = new(
        () => SimdSelection.Resolve(Environment.GetEnvironmentVariable(SimdSelection.VariableName), PreferredLevel));

    private static readonly Lazy<IDosageDecoder> SelectedDosageDecoder = new(() => CreateDosageDecoder(SelectedLevel));

    private static readonly Lazy<ICallDecoder> SelectedCallDecoder = new(() => CreateCallDecoder(SelectedLevel));

    private static readonly Lazy<IDosagePacker> SelectedDosagePacker = new(() => CreateDosagePacker(SelectedLevel));

    /// <summary>The level in use: <see cref="PreferredLevel"/> unless <c>GENOMICS_SIMD</c> lowers it.</summary>
    public static SimdLevel SelectedLevel => Selected.Value;

    /// <summary>
    /// The widest level worth using on this CPU. 512-bit is preferred only when the runtime says 512-bit vectors are
    /// accelerated (it declines on CPUs that slow their clock for them), even if the instructions exist.
    /// </summary>
    public static SimdLevel PreferredLevel =>
        Vector512DosageDecoder.IsSupported && Vector512.IsHardwareAccelerated ? SimdLevel.Vector512
        : Vector256DosageDecoder.IsSupported ? SimdLevel.Vector256
        : Vector128DosageDecoder.IsSupported ? SimdLevel.Vector128
        : SimdLevel.Scalar;

    /// <summary>Every level whose instructions this CPU has (what the tests compare against the scalar reference).</summary>
    public static IReadOnlyList<SimdLevel> SupportedLevels { get; } = [.. Enum.GetValues<SimdLevel>().Where(IsSupported)];

    /// <summary>The dosage decoder for <see cref="SelectedLevel"/>.</summary>
    public static IDosageDecoder DosageDecoder => SelectedDosageDecoder.Value;

    /// <summary>The call decoder for <see cref="SelectedLevel"/>.</summary>
    public static ICallDecoder CallDecoder => SelectedCallDecoder.Value;

    /// <summary>The dosage packer for <see cref="SelectedLevel"/>.</summary>
    public static IDosagePacker DosagePacker => SelectedDosagePacker.Value;

    /// <summary>Whether this CPU can run the implementations of <paramref name="level"/>.</summary>
    public static bool IsSupported(SimdLevel level) => level switch
    {
        SimdLevel.Scalar => true,
        SimdLevel.Vector128 => Vector128DosageDecoder.IsSupported,
        SimdLevel.Vector256 => Vector256DosageDecoder.IsSupported,
        SimdLevel.Vector512 => Vector512DosageDecoder.IsSupported,
        _ => false,
    };

    /// <summary>A dosage decoder of the given level; throws <see cref="PlatformNotSupportedException"/> if the CPU lacks it.</summary>
    public static IDosageDecoder CreateDosageDecoder(SimdLevel level) => RequireSupported(level) switch
    {
        SimdLevel.Vector128 => new Vector128DosageDecoder(),
        SimdLevel.Vector256 => new Vector256DosageDecoder(),
        SimdLevel.Vector512 => new Vector512DosageDecoder(),
        _ => new ScalarDosageDecoder(),
    };

    /// <summary>A call decoder of the given level; throws <see cref="PlatformNotSupportedException"/> if the CPU lacks it.</summary>
    public static ICallDecoder CreateCallDecoder(SimdLevel level) => RequireSupported(level) switch
    {
        SimdLevel.Vector128 => new Vector128CallDecoder(),
        SimdLevel.Vector256 => new Vector256CallDecoder(),
        SimdLevel.Vector512 => new Vector512CallDecoder(),
        _ => new ScalarCallDecoder(),
    };

    /// <summary>A dosage packer of the given level; throws <see cref="PlatformNotSupportedException"/> if the CPU lacks it.</summary>
    public static IDosagePacker CreateDosagePacker(SimdLevel level) => RequireSupported(level) switch
    {
        SimdLevel.Vector128 => new Vector128DosagePacker(),
        SimdLevel.Vector256 => new Vector256DosagePacker(),
        SimdLevel.Vector512 => new Vector512DosagePacker(),
        _ => new ScalarDosagePacker(),
    };

    private static SimdLevel RequireSupported(SimdLevel level) => IsSupported(level)
        ? level
        : throw new PlatformNotSupportedException($"This CPU cannot run the {level} genotype kernels.");
}
