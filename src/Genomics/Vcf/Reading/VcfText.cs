using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Genomics.Vcf;

/// <summary>Number parsing and character classes for record fields, on UTF-8 bytes.</summary>
internal static class VcfText
{
    private static readonly SearchValues<byte> Bases = SearchValues.Create("ACGTNacgtn"u8);

    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool IsMissing(ReadOnlySpan<byte> text) => text.Length == 1 && text[0] == (byte)'.';

    public static bool IsBases(ReadOnlySpan<byte> text) => !text.IsEmpty && text.IndexOfAnyExcept(Bases) < 0;

    /// <summary>An optionally signed run of decimal digits that fits 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        var negative = false;
        var at = 0;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            at = 1;
        }

        if (at == text.Length || text.Length - at > 19)
        {
            return false;
        }

        ulong magnitude = 0;
        for (; at < text.Length; at++)
        {
            var digit = (uint)(text[at] - '0');
            if (digit > 9)
            {
                return false;
            }

            magnitude = (magnitude * 10) + digit;
        }

        // Nineteen digits cannot overflow an unsigned 64-bit value, so the range check here is exact.
        if (negative ? magnitude > 1UL << 63 : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>
    /// A decimal number (also INF, INFINITY and NAN in any case, signed), read as a 64-bit value and narrowed to 32 bits,
    /// which is how htslib reads VCF floats, so values round the same way bcftools shows them.
    /// </summary>
    public static bool TryParseFloat(ReadOnlySpan<byte> text, out float value)
    {
        if (TryParseSimpleDecimal(text, out var simple))
        {
            value = (float)simple;
            return true;
        }

        var body = text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+') ? text[1..] : text;
        if (Ascii.EqualsIgnoreCase(body, "inf"u8) || Ascii.EqualsIgnoreCase(body, "infinity"u8))
        {
            value = text[0] == (byte)'-' ? float.NegativeInfinity : float.PositiveInfinity;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = float.NaN;
            return true;
        }

        if (body.IsEmpty || !(char.IsAsciiDigit((char)body[0]) || body[0] == (byte)'.')
            || !double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            value = 0;
            return false;
        }

        value = (float)parsed;
        return true;
    }

    // [-+]digits[.digits] with at most 15 significant digits: the quotient of two exact doubles is correctly rounded.
    private static bool TryParseSimpleDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var at = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            at = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; at < text.Length; at++)
        {
            var c = text[at];
            var digit = (uint)(c - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || digits > 15)
        {
            return false;
        }

        var scale = Math.Max(fraction, 0);
        value = scale == 0 ? mantissa : mantissa / PowersOfTen[scale];
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
