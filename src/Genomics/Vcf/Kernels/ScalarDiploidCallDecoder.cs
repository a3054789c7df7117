using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>The specification of the GT fast path: one call at a time.</summary>
internal sealed class ScalarDiploidCallDecoder : IDiploidCallDecoder
{
    public SimdLevel Level => SimdLevel.Scalar;

    public bool TryDecode(ReadOnlySpan<byte> text, int maxAllele, Span<sbyte> alleles, Span<ulong> phased, Span<byte> packed)
    {
        var calls = DiploidCallLayout.CallCount(text.Length, maxAllele, alleles.Length, phased.Length, packed.Length);
        ClearOutputs(calls, phased, packed);
        return DecodeUnchecked(text, 0, calls, maxAllele, alleles, phased, packed);
    }

    /// <summary>Zeroes the bits the decoders set with OR (the whole phase words and packed bytes of <paramref name="calls"/> calls).</summary>
    internal static void ClearOutputs(int calls, Span<ulong> phased, Span<byte> packed)
    {
        phased[..DiploidCallLayout.PhasedWords(calls)].Clear();
        if (!packed.IsEmpty)
        {
            packed[..PackedGenotypes.BytesPerRow(calls)].Clear();
        }
    }

    /// <summary>Decodes calls <paramref name="firstCall"/> to <paramref name="calls"/> - 1; also the tail of the vector implementations.</summary>
    internal static bool DecodeUnchecked(
        ReadOnlySpan<byte> text, int firstCall, int calls, int maxAllele, Span<sbyte> alleles, Span<ulong> phased, Span<byte> packed)
    {
        for (var call = firstCall; call < calls; call++)
        {
            var at = call * DiploidCallLayout.Stride;
            if (call != calls - 1 && text[at + 3] != (byte)'\t')
            {
                return false;
            }

            if (!TryAllele(text[at], maxAllele, out var first) || !TryAllele(text[at + 2], maxAllele, out var second))
            {
                return false;
            }

            var separator = text[at + 1];
            if (separator == (byte)'|')
            {
                phased[call >> 6] |= 1UL << call;
            }
            else if (separator != (byte)'/')
            {
                return false;
            }

            alleles[2 * call] = first;
            alleles[(2 * call) + 1] = second;
            if (!packed.IsEmpty)
            {
                packed[call >> 2] |= (byte)(Code(first, second) << ((call & 3) << 1));
            }
        }

        return true;
    }

    private static bool TryAllele(byte text, int maxAllele, out sbyte allele)
    {
        if (text == (byte)'.')
        {
            allele = -1;
            return true;
        }

        var digit = text - '0';
        allele = (sbyte)digit;
        return (uint)digit <= (uint)maxAllele;
    }

    private static int Code(sbyte first, sbyte second) => (first | second) < 0
        ? PackedGenotypes.MissingCode
        : (first + second) switch
        {
            0 => PackedGenotypes.HomRefCode,
            1 => PackedGenotypes.HetCode,
            _ => PackedGenotypes.HomAltCode,
        };
}
