namespace Genomics.Plink;

/// <summary>
/// Chromosome names as plink2 writes them in a .bim made from a VCF: human chromosomes lose a 'chr' prefix and take
/// their standard codes (1–22, X, Y, XY, MT; numeric 23–26 and M are the same chromosomes), other contigs stay as named.
/// </summary>
public static class PlinkChromosome
{
    public static string Normalize(string name)
    {
        var bare = name.StartsWith("chr", StringComparison.OrdinalIgnoreCase) ? name[3..] : name;
        if (int.TryParse(bare, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && bare[0] != '0')
        {
            return number switch
            {
                >= 1 and <= 22 => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                23 => "X",
                24 => "Y",
                25 => "XY",
                26 => "MT",
                _ => name,
            };
        }

        return bare.ToUpperInvariant() switch
        {
            "X" => "X",
            "Y" => "Y",
            "XY" => "XY",
            "M" or "MT" => "MT",
            _ => name,
        };
    }
}
