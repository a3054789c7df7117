using Genomics.Genotypes.Kernels;

namespace Genomics.Tests.Genotypes;

/// <summary>Theory data: every vector level this machine can run (the scalar one is the reference they meet).</summary>
internal static class KernelLevels
{
    public static TheoryData<SimdLevel> Vector
    {
        get
        {
            var data = new TheoryData<SimdLevel>();
            foreach (var level in GenotypeKernels.SupportedLevels.Where(l => l != SimdLevel.Scalar))
            {
                data.Add(level);
            }

            return data;
        }
    }

    public static TheoryData<SimdLevel> All
    {
        get
        {
            var data = new TheoryData<SimdLevel>();
            foreach (var level in GenotypeKernels.SupportedLevels)
            {
                data.Add(level);
            }

            return data;
        }
    }
}
