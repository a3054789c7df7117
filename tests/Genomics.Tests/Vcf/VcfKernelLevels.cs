using Genomics.Genotypes.Kernels;
using Genomics.Vcf.Kernels;

namespace Genomics.Tests.Vcf;

/// <summary>Theory data: every VCF kernel level this machine runs other than the scalar reference.</summary>
internal static class VcfKernelLevels
{
    public static TheoryData<SimdLevel> Vector
    {
        get
        {
            var data = new TheoryData<SimdLevel>();
            foreach (var level in VcfKernels.SupportedLevels.Where(l => l != SimdLevel.Scalar))
            {
                data.Add(level);
            }

            return data;
        }
    }
}
