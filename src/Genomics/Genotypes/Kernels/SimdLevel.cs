namespace Genomics.Genotypes.Kernels;

/// <summary>Vector width a kernel implementation uses; ordered from narrowest to widest.</summary>
public enum SimdLevel
{
    /// <summary>Plain loops: the reference every other implementation must agree with.</summary>
    Scalar = 0,

    /// <summary>128-bit vectors (SSSE3 on x64, AdvSimd on Arm64).</summary>
    Vector128 = 1,

    /// <summary>256-bit vectors (AVX2).</summary>
    Vector256 = 2,

    /// <summary>512-bit vectors (AVX-512 BW).</summary>
    Vector512 = 3,
}
