namespace Genomics.Genotypes.Kernels;

/// <summary>Argument checks shared by every implementation, so they all fail the same way on misuse.</summary>
internal static class KernelGuard
{
    public static void RequirePackedLength(int packedLength, int sampleCount, string parameterName)
    {
        var needed = PackedGenotypes.BytesPerRow(sampleCount);
        if (packedLength < needed)
        {
            throw new ArgumentException($"A packed row of {sampleCount} samples needs {needed} bytes; got {packedLength}.", parameterName);
        }
    }

    public static int SamplesFromAlleleSlots(int alleleSlots)
    {
        if ((alleleSlots & 1) != 0)
        {
            throw new ArgumentException($"Diploid calls need an even number of allele slots; got {alleleSlots}.", "alleles");
        }

        return alleleSlots >> 1;
    }
}
