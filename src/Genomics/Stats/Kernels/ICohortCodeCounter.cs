using Genomics.Genotypes.Kernels;

namespace Genomics.Stats.Kernels;

/// <summary>
/// Counts the 2-bit codes of one packed row under many sample masks in one call: the kernel behind every cohort's
/// genotype counts. A mask holds 0b11 in the 2-bit slot of each member sample and 0 elsewhere, so the row ANDed with
/// it keeps members' codes and turns everyone else into 00, which sets no bit and so adds nothing to any count.
/// </summary>
public interface ICohortCodeCounter
{
    /// <summary>Vector width this implementation uses.</summary>
    SimdLevel Level { get; }

    /// <summary>
    /// Adds to <c>counts[k]</c> the bit counts of <paramref name="row"/> under mask k, for k below <c>counts.Length</c>.
    /// </summary>
    /// <param name="row">A packed row; its length is the number of bytes counted.</param>
    /// <param name="masks"><c>counts.Length</c> masks, <paramref name="maskStride"/> bytes apart, each at least <c>row.Length</c> bytes.</param>
    /// <param name="maskStride">Bytes from one mask to the next.</param>
    /// <param name="counts">One accumulator per mask.</param>
    void Count(ReadOnlySpan<byte> row, ReadOnlySpan<byte> masks, int maskStride, Span<CodePlaneCounts> counts);
}
