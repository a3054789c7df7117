using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>
/// Finds the column boundaries of one line of VCF text: the index of every tab, and of the newline that ends the line.
/// Implementations differ only in speed; each must record exactly what <see cref="VcfKernels.CreateDelimiterScanner"/>
/// at <see cref="SimdLevel.Scalar"/> records.
/// </summary>
public interface IDelimiterScanner
{
    /// <summary>Vector width this implementation uses.</summary>
    SimdLevel Level { get; }

    /// <summary>
    /// Scans <paramref name="text"/> from <paramref name="position"/>, appending the index of each tab and newline byte to
    /// <paramref name="delimiters"/> at <paramref name="count"/>, and stops right after the first newline.
    /// </summary>
    /// <param name="text">Bytes to scan; indexes are recorded relative to its start.</param>
    /// <param name="position">Where to start; on return, where scanning stopped (one past the newline when one was found).</param>
    /// <param name="delimiters">Receives indexes; when it fills up scanning stops early so the caller can grow it and call again.</param>
    /// <param name="count">Delimiters already recorded; on return, the new total.</param>
    /// <returns>True when a newline was recorded (it is then the last delimiter); false when the text or the room ran out.</returns>
    bool ScanLine(ReadOnlySpan<byte> text, ref int position, Span<int> delimiters, ref int count);
}
