using System.Globalization;

namespace Genomics.Vcf;

/// <summary>The Number of an INFO, FORMAT or META definition: a fixed count or one of the letters A, R, G, '.', LA, LR, LG, P, M.</summary>
/// <param name="Kind">Which rule decides the count.</param>
/// <param name="Count">The count when <paramref name="Kind"/> is <see cref="VcfNumberKind.Fixed"/>; 0 otherwise.</param>
public readonly record struct VcfNumber(VcfNumberKind Kind, int Count = 0)
{
    /// <summary>Number=0 (flags).</summary>
    public static VcfNumber Zero => new(VcfNumberKind.Fixed, 0);

    /// <summary>Number=1 (a scalar).</summary>
    public static VcfNumber One => new(VcfNumberKind.Fixed, 1);

    /// <summary>Number=. (any count).</summary>
    public static VcfNumber Unbounded => new(VcfNumberKind.Unbounded);

    /// <summary>Whether a field holds one value, so the dataset stores it as a scalar rather than a list.</summary>
    public bool IsScalar => Kind == VcfNumberKind.Fixed && Count == 1;

    /// <summary>Parses the text of a Number= attribute.</summary>
    public static bool TryParse(string text, out VcfNumber number)
    {
        ArgumentNullException.ThrowIfNull(text);
        number = text switch
        {
            "A" => new VcfNumber(VcfNumberKind.AltAlleles),
            "R" => new VcfNumber(VcfNumberKind.Alleles),
            "G" => new VcfNumber(VcfNumberKind.Genotypes),
            "." => Unbounded,
            "LA" => new VcfNumber(VcfNumberKind.LocalAltAlleles),
            "LR" => new VcfNumber(VcfNumberKind.LocalAlleles),
            "LG" => new VcfNumber(VcfNumberKind.LocalGenotypes),
            "P" => new VcfNumber(VcfNumberKind.Ploidy),
            "M" => new VcfNumber(VcfNumberKind.BaseModifications),
            _ => default,
        };
        if (text is "A" or "R" or "G" or "." or "LA" or "LR" or "LG" or "P" or "M")
        {
            return true;
        }

        // Digits only: a sign, spaces or an exponent are not a count.
        if (text.Length is > 0 and <= 9 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            number = new VcfNumber(VcfNumberKind.Fixed, int.Parse(text, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    /// <summary>
    /// The number of values a field must hold at a site with <paramref name="altCount"/> ALT alleles, for a call of
    /// <paramref name="ploidy"/> alleles (0 when unknown); null when the definition does not fix it.
    /// </summary>
    public int? ExpectedCount(int altCount, int ploidy) => Kind switch
    {
        VcfNumberKind.Fixed => Count,
        VcfNumberKind.AltAlleles => altCount,
        VcfNumberKind.Alleles => altCount + 1,
        VcfNumberKind.Genotypes when ploidy > 0 => GenotypeCount(altCount + 1, ploidy),
        _ => null,
    };

    /// <summary>How many unordered genotypes <paramref name="ploidy"/> alleles drawn from <paramref name="alleles"/> make: C(alleles + ploidy - 1, ploidy).</summary>
    public static int GenotypeCount(int alleles, int ploidy)
    {
        long count = 1;
        for (var i = 1; i <= ploidy; i++)
        {
            count = count * (alleles + i - 1) / i;
            if (count > int.MaxValue)
            {
                return int.MaxValue;
            }
        }

        return (int)count;
    }

    /// <summary>The text of the Number= attribute.</summary>
    public override string ToString() => Kind switch
    {
        VcfNumberKind.Fixed => Count.ToString(CultureInfo.InvariantCulture),
        VcfNumberKind.AltAlleles => "A",
        VcfNumberKind.Alleles => "R",
        VcfNumberKind.Genotypes => "G",
        VcfNumberKind.LocalAltAlleles => "LA",
        VcfNumberKind.LocalAlleles => "LR",
        VcfNumberKind.LocalGenotypes => "LG",
        VcfNumberKind.Ploidy => "P",
        VcfNumberKind.BaseModifications => "M",
        _ => ".",
    };
}
