using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Genomics.Vcf.Kernels;

/// <summary>
/// What 16 bytes of fixed-width calls must look like (allele, separator, allele, tab, repeated), and the masks and
/// values the decoder takes from them.
/// </summary>
internal readonly struct CallPattern128
{
    private readonly Vector128<byte> largestDigit;
    private readonly Vector128<byte> alleleBytes;
    private readonly Vector128<byte> separatorBytes;
    private readonly Vector128<byte> tabBytes;

    // Little-endian 32-bit lanes: byte 0 and 2 are alleles, byte 1 the separator, byte 3 the tab.
    public CallPattern128(int maxAllele)
    {
        largestDigit = Vector128.Create((byte)maxAllele);
        alleleBytes = Vector128.Create(0x00FF_00FFu).AsByte();
        separatorBytes = Vector128.Create(0x0000_FF00u).AsByte();
        tabBytes = Vector128.Create(0xFF00_0000u).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(Vector128<byte> text)
    {
        var isAllele = Vector128.LessThanOrEqual(text - Vector128.Create((byte)'0'), largestDigit) | Vector128.Equals(text, Vector128.Create((byte)'.'));
        var isSeparator = Vector128.Equals(text, Vector128.Create((byte)'/')) | Vector128.Equals(text, Vector128.Create((byte)'|'));
        var isTab = Vector128.Equals(text, Vector128.Create((byte)'\t'));
        var fits = (isAllele & alleleBytes) | (isSeparator & separatorBytes) | (isTab & tabBytes);
        return fits == Vector128<byte>.AllBitsSet;
    }

    /// <summary>Allele indexes at the allele bytes ('.' becomes -1); other bytes are garbage the narrowing drops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Alleles(Vector128<byte> text) =>
        Vector128.ConditionalSelect(Vector128.Equals(text, Vector128.Create((byte)'.')), Vector128<byte>.AllBitsSet, text - Vector128.Create((byte)'0'));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pipes(Vector128<byte> text) => Vector128.Equals(text, Vector128.Create((byte)'|')).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Zeros(Vector128<byte> text) => Vector128.Equals(text, Vector128.Create((byte)'0')).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Dots(Vector128<byte> text) => Vector128.Equals(text, Vector128.Create((byte)'.')).ExtractMostSignificantBits();
}
