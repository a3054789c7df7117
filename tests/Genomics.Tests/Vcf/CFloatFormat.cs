using System.Globalization;

namespace Genomics.Tests.Vcf;

/// <summary>C's printf "%g" (six significant digits), which bcftools uses for floats: the golden files are written that way.</summary>
internal static class CFloatFormat
{
    public static string G(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // Round to six significant digits first: the exponent after rounding decides between fixed and scientific.
        var scientific = value.ToString("E5", CultureInfo.InvariantCulture);
        var exponent = int.Parse(scientific[(scientific.IndexOf('E', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        if (exponent is >= -4 and < 6)
        {
            return TrimZeros(value.ToString("F" + (5 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        var mantissa = TrimZeros(scientific[..scientific.IndexOf('E', StringComparison.Ordinal)]);
        var sign = exponent < 0 ? '-' : '+';
        return $"{mantissa}e{sign}{Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)}";
    }

    private static string TrimZeros(string text) => text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
}
