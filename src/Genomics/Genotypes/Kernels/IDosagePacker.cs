namespace Genomics.Genotypes.Kernels;

/// <summary>Packs ALT dosages into one 2-bit row, the reverse of <see cref="IDosageDecoder"/>.</summary>
public interface IDosagePacker
{
    /// <summary>Vector width this implementation uses.</summary>
    SimdLevel Level { get; }

    /// <summary>
    /// Writes exactly <see cref="PackedGenotypes.BytesPerRow"/>(<c>dosages.Length</c>) bytes. Dosage 0, 1, 2 become
    /// codes 11, 10, 00; every other value (-1 included) becomes the missing code 01. Padding bits are written as zero.
    /// </summary>
    /// <param name="dosages">One value per sample.</param>
    /// <param name="packedRow">Receives the packed row; may be longer than needed.</param>
    void Pack(ReadOnlySpan<sbyte> dosages, Span<byte> packedRow);
}
