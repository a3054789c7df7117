using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Genomics.Vcf.Kernels;

/// <summary>
/// What 32 bytes of fixed-width calls must look like (allele, separator, allele, tab, repeated), and the masks and
/// values the decoder takes from them.
/// </summary>
internal readonly struct CallPattern256
{
    private readonly Vector256<byte> largestDigit;
    private readonly Vector256<byte> alleleBytes;
    private readonly Vector256<byte> separatorBytes;
    private readonly Vector256<byte> tabBytes;

    // Little-endian 32-bit lanes: byte 0 and 2 are alleles, byte 1 the separator, byte 3 the tab.
    public CallPattern256(int maxAllele)
    {
        largestDigit = Vector256.Create((byte)maxAllele);
        alleleBytes = Vector256.Create(0x00FF_00FFu).AsByte();
        separatorBytes = Vector256.Create(0x0000_FF00u).AsByte();
        tabBytes = Vector256.Create(0xFF00_0000u).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(Vector256<byte> text)
    {
        var isAllele = Vector256.LessThanOrEqual(text - Vector256.Create((byte)'0'), largestDigit) | Vector256.Equals(text, Vector256.Create((byte)'.'));
        var isSeparator = Vector256.Equals(text, Vector256.Create((byte)'/')) | Vector256.Equals(text, Vector256.Create((byte)'|'));
        var isTab = Vector256.Equals(text, Vector256.Create((byte)'\t'));
        var fits = (isAllele & alleleBytes) | (isSeparator & separatorBytes) | (isTab & tabBytes);
        return fits == Vector256<byte>.AllBitsSet;
    }

    /// <summary>Allele indexes at the allele bytes ('.' becomes -1); other bytes are garbage the narrowing drops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Alleles(Vector256<byte> text) =>
        Vector256.ConditionalSelect(Vector256.Equals(text, Vector256.Create((byte)'.')), Vector256<byte>.AllBitsSet, text - Vector256.Create((byte)'0'));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pipes(Vector256<byte> text) => Vector256.Equals(text, Vector256.Create((byte)'|')).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Zeros(Vector256<byte> text) => Vector256.Equals(text, Vector256.Create((byte)'0')).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Dots(Vector256<byte> text) => Vector256.Equals(text, Vector256.Create((byte)'.')).ExtractMostSignificantBits();
}
