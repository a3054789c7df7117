using System.Runtime.CompilerServices;
using Genomics.Genotypes;

namespace Genomics.Vcf.Kernels;

/// <summary>Argument checks and bit tricks shared by the <see cref="IDiploidCallDecoder"/> implementations.</summary>
internal static class DiploidCallLayout
{
    /// <summary>Bytes one call and its trailing tab take.</summary>
    public const int Stride = 4;

    /// <summary>The number of calls in <paramref name="textLength"/> bytes, after checking every output is big enough.</summary>
    public static int CallCount(int textLength, int maxAllele, int allelesLength, int phasedLength, int packedLength)
    {
        if (textLength <= 0 || (textLength + 1) % Stride != 0)
        {
            throw new ArgumentException($"Fixed-width calls take 4n - 1 bytes; got {textLength}.", "text");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxAllele);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAllele, 9);
        var calls = (textLength + 1) / Stride;
        if (allelesLength < 2 * calls)
        {
            throw new ArgumentException($"{calls} calls need {2 * calls} allele slots; got {allelesLength}.", "alleles");
        }

        if (phasedLength < PhasedWords(calls))
        {
            throw new ArgumentException($"{calls} calls need {PhasedWords(calls)} phase words; got {phasedLength}.", "phased");
        }

        if (packedLength != 0)
        {
            if (maxAllele != 1)
            {
                throw new ArgumentException("Packed codes need a biallelic site (maxAllele 1).", "packed");
            }

            if (packedLength < PackedGenotypes.BytesPerRow(calls))
            {
                throw new ArgumentException($"{calls} calls need {PackedGenotypes.BytesPerRow(calls)} packed bytes; got {packedLength}.", "packed");
            }
        }

        return calls;
    }

    /// <summary>Words of one bit per call.</summary>
    public static int PhasedWords(int calls) => (int)(((uint)calls + 63u) >> 6);

    /// <summary>Gathers bits 0, 4, 8, …, 60 of <paramref name="bits"/> into bits 0–15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint EveryFourthBit(ulong bits)
    {
        bits &= 0x1111_1111_1111_1111UL;
        bits = (bits | (bits >> 3)) & 0x0303_0303_0303_0303UL;
        bits = (bits | (bits >> 6)) & 0x000F_000F_000F_000FUL;
        bits = (bits | (bits >> 12)) & 0x0000_00FF_0000_00FFUL;
        return (uint)((bits | (bits >> 24)) & 0xFFFF);
    }

    /// <summary>Spreads bits 0–15 to the even bits 0, 2, …, 30.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SpreadToEvenBits(uint bits)
    {
        bits = (bits | (bits << 8)) & 0x00FF_00FFu;
        bits = (bits | (bits << 4)) & 0x0F0F_0F0Fu;
        bits = (bits | (bits << 2)) & 0x3333_3333u;
        return (bits | (bits << 1)) & 0x5555_5555u;
    }

    /// <summary>
    /// 2-bit codes from masks over the text (bit 4i: first allele of call i, bit 4i + 2: second allele):
    /// <paramref name="zeros"/> marks '0' bytes and <paramref name="dots"/> marks '.' bytes. Returns the codes of 16 calls
    /// in call order (bits 2i and 2i + 1). A missing allele makes the call missing (01); otherwise two zeros are 11,
    /// one zero 10, none 00.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint PackedCodes(ulong zeros, ulong dots)
    {
        var missing = dots | (dots >> 2);
        var bothZero = zeros & (zeros >> 2);
        var anyZero = zeros | (zeros >> 2);
        var low = EveryFourthBit(missing | bothZero);
        var high = EveryFourthBit(~missing & anyZero);
        return SpreadToEvenBits(low) | (SpreadToEvenBits(high) << 1);
    }
}
