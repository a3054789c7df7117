namespace Genomics.Genotypes.Kernels;

/// <summary>Turns one packed 2-bit row into diploid calls: two allele indices per sample.</summary>
public interface ICallDecoder
{
    /// <summary>Vector width this implementation uses.</summary>
    SimdLevel Level { get; }

    /// <summary>
    /// Writes two values per sample, sample-major: 0 = REF (A2), 1 = ALT (A1), -1 = missing.
    /// A heterozygous call is written REF first (0, 1). Padding bits after the last sample are ignored.
    /// </summary>
    /// <param name="packedRow">At least <see cref="PackedGenotypes.BytesPerRow"/>(<c>alleles.Length / 2</c>) bytes.</param>
    /// <param name="alleles">Two slots per sample; its length must be even.</param>
    void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> alleles);
}
