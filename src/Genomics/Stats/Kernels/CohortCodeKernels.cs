using Genomics.Genotypes.Kernels;

namespace Genomics.Stats.Kernels;

/// <summary>
/// Picks the cohort code counter once per process at the level the genotype kernels use
/// (<see cref="GenotypeKernels.SelectedLevel"/>, which honours <c>GENOMICS_SIMD</c>), stepping down to the widest this
/// counter has for that CPU.
/// </summary>
public static class CohortCodeKernels
{
    private static readonly Lazy<ICohortCodeCounter> Selected = new(() => Create(Best(GenotypeKernels.SelectedLevel)));

    /// <summary>The counter for the selected level.</summary>
    public static ICohortCodeCounter Counter => Selected.Value;

    /// <summary>Every level this CPU runs the counter at (what the tests compare against the scalar reference).</summary>
    public static IReadOnlyList<SimdLevel> SupportedLevels { get; } = [.. Enum.GetValues<SimdLevel>().Where(IsSupported)];

    /// <summary>Whether this CPU can run the counter of <paramref name="level"/>.</summary>
    public static bool IsSupported(SimdLevel level) => level switch
    {
        SimdLevel.Scalar => true,
        SimdLevel.Vector128 => Vector128CohortCodeCounter.IsSupported,
        SimdLevel.Vector256 => Vector256CohortCodeCounter.IsSupported,
        SimdLevel.Vector512 => Vector512CohortCodeCounter.IsSupported,
        _ => false,
    };

    /// <summary>A counter of the given level; throws <see cref="PlatformNotSupportedException"/> if the CPU lacks it.</summary>
    public static ICohortCodeCounter Create(SimdLevel level) => IsSupported(level)
        ? level switch
        {
            SimdLevel.Vector128 => new Vector128CohortCodeCounter(),
            SimdLevel.Vector256 => new Vector256CohortCodeCounter(),
            SimdLevel.Vector512 => new Vector512CohortCodeCounter(),
            _ => new ScalarCohortCodeCounter(),
        }
        : throw new PlatformNotSupportedException($"This CPU cannot run the {level} cohort code counter.");

    private static SimdLevel Best(SimdLevel wanted)
    {
        while (!IsSupported(wanted))
        {
            wanted--;
        }

        return wanted;
    }
}
