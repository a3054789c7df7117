using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>
/// The GT fast path: decodes a run of fixed-width diploid calls, each exactly three bytes (allele, separator, allele:
/// <c>0/1</c>, <c>1|0</c>, <c>./.</c>), separated by single tabs, as a VCF line's sample columns are when FORMAT is just
/// GT and every allele index is one digit. Anything else is reported as not matching, for the general parser to handle.
/// </summary>
public interface IDiploidCallDecoder
{
    /// <summary>Vector width this implementation uses.</summary>
    SimdLevel Level { get; }

    /// <summary>
    /// Decodes <c>n</c> calls from <paramref name="text"/>, which must be <c>4n - 1</c> bytes long.
    /// </summary>
    /// <param name="text">The calls, tab-separated, with no trailing tab.</param>
    /// <param name="maxAllele">The largest allele index allowed (the number of ALT alleles, at most 9).</param>
    /// <param name="alleles">Receives <c>2n</c> allele indexes, -1 for a missing allele ('.').</param>
    /// <param name="phased">Receives one bit per call (bit <c>s % 64</c> of word <c>s / 64</c>), set when the separator is '|'; all <c>ceil(n / 64)</c> words are overwritten.</param>
    /// <param name="packed">
    /// Empty, or <c>ceil(n / 4)</c> bytes to receive the calls as 2-bit PLINK codes (allele 0 = REF = A2, allele 1 = ALT = A1;
    /// a call with a missing allele is missing); only allowed when <paramref name="maxAllele"/> is 1. Padding bits are zero.
    /// </param>
    /// <returns>False when some byte breaks the pattern or an allele exceeds <paramref name="maxAllele"/>; the outputs are then unspecified.</returns>
    bool TryDecode(ReadOnlySpan<byte> text, int maxAllele, Span<sbyte> alleles, Span<ulong> phased, Span<byte> packed);
}
