namespace Genomics.Tests.Conversion;

/// <summary>Dataset genotypes as VCF GT text, and VCF GT text as an ALT count, for comparisons with golden files.</summary>
internal static class GenotypeText
{
    /// <summary>Sample <paramref name="sample"/> of a diploid call_genotype row as unphased GT ("0/1", "./.").</summary>
    public static string Call(sbyte[] calls, int sample) => $"{Allele(calls[2 * sample])}/{Allele(calls[(2 * sample) + 1])}";

    /// <summary>The number of '1' alleles of a biallelic GT, or null when any allele is missing.</summary>
    public static sbyte? AltCount(string gt)
    {
        var alleles = gt.Split('/', '|');
        return alleles.Any(a => a == ".") ? null : (sbyte)alleles.Count(a => a == "1");
    }

    private static string Allele(sbyte a) => a switch
    {
        -1 => ".",
        >= 0 => a.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"allele code {a} in a diploid PLINK call"),
    };
}
