using System.Runtime.Intrinsics;

namespace Genomics.Genotypes.Kernels;

/// <summary>
/// Tables and masks the vector kernels share. A byte shuffle is a 16-entry table lookup, but one packed byte holds four
/// 2-bit codes, so each output byte must pick out its own code. The vector kernels copy each packed byte to every output
/// byte it feeds, then mask: the code of the 1st (3rd) sample in a byte is kept in bits 0-1, so it indexes entries 0-3,
/// and the code of the 2nd (4th) sample in bits 2-3, so it indexes entries 0, 4, 8, 12. The two index sets meet only
/// at entry 0 (code 00 in both places), so one table serves both. The 3rd and 4th samples are first shifted down by a
/// nibble: bytes cannot be shifted by different amounts, but after a 16-bit shift by 4 the low nibble of every byte is
/// the high nibble it had, which is all the masks keep.
/// </summary>
internal static class TwoBitLookup
{
    /// <summary>Dosage by index: entries 0-3 are codes 00, 01, 10, 11 of the 1st sample; 4, 8, 12 codes 01, 10, 11 of the 2nd.</summary>
    public static Vector128<byte> DosageTable => Vector128.Create((sbyte)2, -1, 1, 0, -1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0).AsByte();

    /// <summary>Per group of four output bytes (one packed byte): keeps the 1st and 2nd sample's code bits.</summary>
    public const uint DosageLowNibbleMask = 0x0000_0C03;

    /// <summary>Per group of four output bytes: keeps the 3rd and 4th sample's code bits after the nibble shift.</summary>
    public const uint DosageHighNibbleMask = 0x0C03_0000;

    /// <summary>
    /// Calls need two table values per sample (first and second allele) that differ only for a het. The second-allele
    /// slots flip their index by XOR 5, which moves them onto entries the first-allele slots leave free or agree with:
    /// 1st sample's second allele uses 5, 4, 7, 6 for codes 00-11; 2nd sample's second allele uses 5, 1, 13, 9.
    /// </summary>
    public static Vector128<byte> CallTable => Vector128.Create((sbyte)1, -1, 0, 0, -1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0).AsByte();

    /// <summary>Per group of eight output bytes (one packed byte): keeps the 1st and 2nd sample's code bits.</summary>
    public const ulong CallLowNibbleMask = 0x0000_0000_0C0C_0303;

    /// <summary>Per group of eight output bytes: keeps the 3rd and 4th sample's code bits after the nibble shift.</summary>
    public const ulong CallHighNibbleMask = 0x0C0C_0303_0000_0000;

    /// <summary>Per group of eight output bytes: the XOR that moves second-allele slots to their own entries.</summary>
    public const ulong CallSecondAlleleFlip = 0x0500_0500_0500_0500;

    /// <summary>
    /// Code by clamped dosage: 0 → 11, 1 → 10, 2 → 00, 3 → 01. Dosages are clamped as unsigned bytes to at most 3 first,
    /// so -1 (255) and every other invalid value land on the missing code, as in the scalar packer.
    /// </summary>
    public static Vector128<byte> PackTable => Vector128.Create((byte)3, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The largest valid table index for <see cref="PackTable"/>.</summary>
    public const byte PackClamp = 3;

    /// <summary>
    /// In-128-bit gather for the wide packers: moves bytes 0, 4, 8, 12 (the packed bytes <see cref="JoinCodes(Vector128{uint})"/>
    /// leaves) into 32-bit lane <paramref name="lane"/>; the other indices have the top bit set, which the x86 shuffle
    /// turns into zero bytes.
    /// </summary>
    public static Vector128<byte> PackGather(int lane) => Vector128.Create(0x8080_8080u).AsByte()
        .WithElement(4 * lane, (byte)0)
        .WithElement((4 * lane) + 1, (byte)4)
        .WithElement((4 * lane) + 2, (byte)8)
        .WithElement((4 * lane) + 3, (byte)12);

    /// <summary>
    /// Gathers four codes held one per byte of a 32-bit lane into that lane's low byte: shifting by 6 pairs them up,
    /// shifting by 12 joins the pairs; bits above the low byte are left over and dropped by the caller's gather.
    /// </summary>
    public static Vector128<uint> JoinCodes(Vector128<uint> codes)
    {
        var pairs = codes | (codes >> 6);
        return pairs | (pairs >> 12);
    }

    /// <inheritdoc cref="JoinCodes(Vector128{uint})"/>
    public static Vector256<uint> JoinCodes(Vector256<uint> codes)
    {
        var pairs = codes | (codes >> 6);
        return pairs | (pairs >> 12);
    }

    /// <inheritdoc cref="JoinCodes(Vector128{uint})"/>
    public static Vector512<uint> JoinCodes(Vector512<uint> codes)
    {
        var pairs = codes | (codes >> 6);
        return pairs | (pairs >> 12);
    }
}
