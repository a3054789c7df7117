namespace Genomics.Genotypes.Kernels;

/// <summary>Turns one packed 2-bit row into ALT dosages, one signed byte per sample.</summary>
public interface IDosageDecoder
{
    /// <summary>Vector width this implementation uses.</summary>
    SimdLevel Level { get; }

    /// <summary>
    /// Writes <c>dosages.Length</c> values: the number of A1 (ALT) copies 0, 1 or 2, or -1 for a missing call.
    /// Padding bits after the last sample are ignored.
    /// </summary>
    /// <param name="packedRow">At least <see cref="PackedGenotypes.BytesPerRow"/>(<c>dosages.Length</c>) bytes.</param>
    /// <param name="dosages">One slot per sample; its length is the sample count.</param>
    void Decode(ReadOnlySpan<byte> packedRow, Span<sbyte> dosages);
}
