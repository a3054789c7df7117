using System.Buffers;

namespace Genomics.Vcf;

/// <summary>Which names VCF allows for contigs and keys.</summary>
internal static class VcfNames
{
    // Contig names follow the SAM reference-name rule, which VCF adopted in 2020 (this is what allows ':').
    private static readonly SearchValues<byte> ContigFirst = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&+./:;?@^_|~-"u8);
    private static readonly SearchValues<byte> ContigRest = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&*+./:;=?@^_|~-"u8);
    private static readonly SearchValues<byte> FormatKeyFirst = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"u8);
    private static readonly SearchValues<byte> FormatKeyRest = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_."u8);

    /// <summary>
    /// A contig name: the SAM rule, or an angle-bracketed name (VCF's reference to a contig of an assembly file).
    /// </summary>
    public static bool IsValidContig(ReadOnlySpan<byte> name)
    {
        if (name.Length >= 3 && name[0] == (byte)'<' && name[^1] == (byte)'>')
        {
            name = name[1..^1];
        }

        return !name.IsEmpty && ContigFirst.Contains(name[0]) && name[1..].IndexOfAnyExcept(ContigRest) < 0;
    }

    /// <summary>A FORMAT key as VCF 4.3 allows it: a letter or underscore, then letters, digits, '_' and '.' (or "1000G").</summary>
    public static bool IsValidFormatKey(ReadOnlySpan<byte> key) =>
        key.SequenceEqual("1000G"u8) || (!key.IsEmpty && FormatKeyFirst.Contains(key[0]) && key[1..].IndexOfAnyExcept(FormatKeyRest) < 0);

    /// <summary>
    /// An INFO key: printable, without the column's separators. Keys starting with a digit are accepted although VCF 4.3
    /// forbids them, because annotation tools write them (e.g. ANNOVAR's 1000g2015aug_all).
    /// </summary>
    public static bool IsValidInfoKey(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            return false;
        }

        foreach (var b in key)
        {
            if (b is <= (byte)' ' or >= 0x7F or (byte)';' or (byte)'=' or (byte)',')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A symbolic allele ID from ##ALT: no whitespace, commas or angle brackets (it is written inside &lt;&gt;).</summary>
    public static bool IsValidAltId(ReadOnlySpan<byte> id)
    {
        if (id.IsEmpty)
        {
            return false;
        }

        foreach (var b in id)
        {
            if (b is <= (byte)' ' or (byte)',' or (byte)'<' or (byte)'>')
            {
                return false;
            }
        }

        return true;
    }
}
