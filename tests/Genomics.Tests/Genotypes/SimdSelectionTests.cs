using Genomics.Genotypes.Kernels;

namespace Genomics.Tests.Genotypes;

public sealed class SimdSelectionTests
{
    [Theory]
    [InlineData(null, SimdLevel.Vector256, SimdLevel.Vector256)]
    [InlineData("", SimdLevel.Vector512, SimdLevel.Vector512)]
    [InlineData("scalar", SimdLevel.Vector256, SimdLevel.Scalar)]
    [InlineData("V128", SimdLevel.Vector256, SimdLevel.Vector128)]
    [InlineData(" v256 ", SimdLevel.Vector512, SimdLevel.Vector256)]
    [InlineData("v512", SimdLevel.Vector256, SimdLevel.Vector256)]
    public void Override_lowers_but_never_raises_the_level(string? requested, SimdLevel best, SimdLevel expected)
        => Assert.Equal(expected, SimdSelection.Resolve(requested, best));

    [Fact]
    public void Unknown_override_names_the_variable_and_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SimdSelection.Resolve("avx", SimdLevel.Vector256));
        Assert.Contains("GENOMICS_SIMD='avx'", error.Message, StringComparison.Ordinal);
        Assert.Contains("v512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selected_kernels_use_a_supported_level()
    {
        Assert.True(GenotypeKernels.IsSupported(GenotypeKernels.SelectedLevel));
        Assert.Equal(GenotypeKernels.SelectedLevel, GenotypeKernels.DosageDecoder.Level);
        Assert.Equal(GenotypeKernels.SelectedLevel, GenotypeKernels.CallDecoder.Level);
        Assert.Equal(GenotypeKernels.SelectedLevel, GenotypeKernels.DosagePacker.Level);
        Assert.Contains(SimdLevel.Scalar, GenotypeKernels.SupportedLevels);
    }
}
