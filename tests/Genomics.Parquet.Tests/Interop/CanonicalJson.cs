using System.Globalization;
using System.Text;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// Builds, from arrays in memory, the exact text tests/interop/dump.mjs prints for a file holding them
/// (the encoding is described in tests/interop/README.md), so a file can be checked value by value
/// against what an independent reader saw.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The whole dump: column names, then the rows of every row group in order.</summary>
    public static string Dump(ParquetSchema schema, IEnumerable<IReadOnlyList<ColumnArray>> rowGroups)
    {
        var sb = new StringBuilder();
        sb.Append("{\"columns\":[");
        for (var c = 0; c < schema.Fields.Count; c++)
        {
            sb.Append(c == 0 ? "" : ",");
            AppendString(sb, schema.Fields[c].Name);
        }

        sb.Append("],\"rows\":[");
        var firstRow = true;
        foreach (var columns in rowGroups)
        {
            var rows = columns.Count == 0 ? 0 : columns[0].Length;
            for (var r = 0; r < rows; r++)
            {
                sb.Append(firstRow ? "[" : ",[");
                firstRow = false;
                for (var c = 0; c < columns.Count; c++)
                {
                    sb.Append(c == 0 ? "" : ",");
                    AppendValue(sb, schema.Fields[c], columns[c], r);
                }

                sb.Append(']');
            }
        }

        sb.Append("]}\n");
        return sb.ToString();
    }

    /// <summary>Appends slot <paramref name="index"/> of <paramref name="array"/>, a column of <paramref name="field"/>.</summary>
    public static void AppendValue(StringBuilder sb, ParquetField field, ColumnArray array, int index)
    {
        if (!array.IsValid(index))
        {
            sb.Append("null");
            return;
        }

        if (field.IsList)
        {
            var list = Expect<ListArray>(field, array);
            var offsets = list.Offsets.Span;
            sb.Append('[');
            for (var i = offsets[index]; i < offsets[index + 1]; i++)
            {
                sb.Append(i == offsets[index] ? "" : ",");
                AppendValue(sb, field.Element!, list.Values, i);
            }

            sb.Append(']');
            return;
        }

        switch (field.ValueType)
        {
            case ParquetValueType.Boolean:
                sb.Append(Expect<PrimitiveArray<bool>>(field, array).Values.Span[index] ? "true" : "false");
                break;
            case ParquetValueType.Int8:
                AppendInteger(sb, Expect<PrimitiveArray<sbyte>>(field, array).Values.Span[index]);
                break;
            case ParquetValueType.Int16:
                AppendInteger(sb, Expect<PrimitiveArray<short>>(field, array).Values.Span[index]);
                break;
            case ParquetValueType.Int32:
                AppendInteger(sb, Expect<PrimitiveArray<int>>(field, array).Values.Span[index]);
                break;
            case ParquetValueType.Int64:
                AppendInteger(sb, Expect<PrimitiveArray<long>>(field, array).Values.Span[index]);
                break;
            case ParquetValueType.Float:
                // A float32 is printed as the double it widens to exactly, as both readers see it.
                sb.Append(Number(Expect<PrimitiveArray<float>>(field, array).Values.Span[index]));
                break;
            case ParquetValueType.Double:
                sb.Append(Number(Expect<PrimitiveArray<double>>(field, array).Values.Span[index]));
                break;
            case ParquetValueType.String:
                AppendString(sb, Encoding.UTF8.GetString(Expect<BinaryArray>(field, array).GetBytes(index)));
                break;
            case ParquetValueType.Binary:
                sb.Append("\"0x").Append(Convert.ToHexStringLower(Expect<BinaryArray>(field, array).GetBytes(index))).Append('"');
                break;
            default:
                throw new InvalidOperationException($"No canonical encoding for {field}.");
        }
    }

    /// <summary>
    /// A double as JavaScript's JSON.stringify prints it (ECMAScript Number::toString: the shortest digits
    /// that round-trip, plain notation for decimal exponents -7 &lt; e &lt; 21, else d.ddde±x), with the
    /// values JSON cannot hold as the strings "NaN", "Infinity", "-Infinity".
    /// </summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "\"NaN\"";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }

        if (value == 0)
        {
            // JavaScript prints -0 as 0 as well.
            return "0";
        }

        // .NET's "R" yields the same shortest round-trip digits; only the layout differs.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var pointAt = (point < 0 ? mantissa.Length : point) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointAt -= leadingZeros;

        // Now value = 0.DIGITS × 10^pointAt, the n and k of the ECMAScript algorithm being pointAt and digits.Length.
        var n = pointAt;
        var k = digits.Length;
        var sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }

        var exp = n - 1;
        var expText = (exp < 0 ? "e-" : "e+") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        return sign + (k == 1 ? digits : digits[..1] + "." + digits[1..]) + expText;
    }

    /// <summary>A JSON string escaped exactly as JSON.stringify escapes it.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    var pairedHigh = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    var pairedLow = char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]);
                    if (c < 0x20 || (char.IsSurrogate(c) && !pairedHigh && !pairedLow))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static void AppendInteger(StringBuilder sb, long value)
        => sb.Append('"').Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');

    private static T Expect<T>(ParquetField field, ColumnArray array)
        where T : ColumnArray
        => array as T ?? throw new InvalidOperationException($"Column {field} holds a {array.GetType().Name}, expected {typeof(T).Name}.");
}
