using System.Globalization;
using System.Text;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// Column-chunk statistics of a primitive column computed from the data, and DuckDB's rendering of the
/// footer's statistics turned into the same comparable form (bytes for strings and binary, the canonical
/// number text for floats).
/// </summary>
internal static class ChunkStatistics
{
    /// <summary>Min and max of the valid, non-NaN slots as comparable bytes, or nulls when there are none.</summary>
    public static (byte[]? Min, byte[]? Max) Expected(ParquetValueType type, ColumnArray column)
    {
        byte[]? min = null;
        byte[]? max = null;
        Func<int, int, int> compare;
        Func<int, byte[]> key;
        switch (column)
        {
            case PrimitiveArray<bool> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(a.Values.Span[i] ? "true" : "false"); break;
            case PrimitiveArray<sbyte> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(a.Values.Span[i]); break;
            case PrimitiveArray<short> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(a.Values.Span[i]); break;
            case PrimitiveArray<int> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(a.Values.Span[i]); break;
            case PrimitiveArray<long> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(a.Values.Span[i]); break;
            case PrimitiveArray<float> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(CanonicalJson.Number(a.Values.Span[i])); break;
            case PrimitiveArray<double> a: compare = (i, j) => a.Values.Span[i].CompareTo(a.Values.Span[j]); key = i => Text(CanonicalJson.Number(a.Values.Span[i])); break;
            case BinaryArray a: compare = (i, j) => a.GetBytes(i).SequenceCompareTo(a.GetBytes(j)); key = i => a.GetBytes(i).ToArray(); break;
            default: throw new InvalidOperationException($"No statistics for {type} in a {column.GetType().Name}.");
        }

        var minIndex = -1;
        var maxIndex = -1;
        for (var i = 0; i < column.Length; i++)
        {
            if (!column.IsValid(i) || IsNaN(column, i))
            {
                continue;
            }

            minIndex = minIndex < 0 || compare(i, minIndex) < 0 ? i : minIndex;
            maxIndex = maxIndex < 0 || compare(i, maxIndex) > 0 ? i : maxIndex;
        }

        if (minIndex >= 0)
        {
            min = key(minIndex);
            max = key(maxIndex);
        }

        return (min, max);
    }

    /// <summary>DuckDB's text for a min/max statistic of <paramref name="type"/>, in the form <see cref="Expected"/> uses.</summary>
    public static byte[]? FromDuckDB(ParquetValueType type, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return type switch
        {
            ParquetValueType.Boolean => Text(text),
            ParquetValueType.Int8 or ParquetValueType.Int16 or ParquetValueType.Int32 or ParquetValueType.Int64
                => Text(long.Parse(text, CultureInfo.InvariantCulture)),
            ParquetValueType.Float => Text(CanonicalJson.Number((float)ParseFloating(text))),
            ParquetValueType.Double => Text(CanonicalJson.Number(ParseFloating(text))),
            ParquetValueType.String => Encoding.UTF8.GetBytes(text),
            ParquetValueType.Binary => Unescape(text),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    private static bool IsNaN(ColumnArray column, int i) => column switch
    {
        PrimitiveArray<float> f => float.IsNaN(f.Values.Span[i]),
        PrimitiveArray<double> d => double.IsNaN(d.Values.Span[i]),
        _ => false,
    };

    private static double ParseFloating(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "infinity" or "+inf" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // DuckDB shows a BLOB with printable ASCII as itself and every other byte as \xHH.
    private static byte[] Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else
            {
                bytes.Add(checked((byte)text[i]));
            }
        }

        return [.. bytes];
    }

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Text(long v) => Text(v.ToString(CultureInfo.InvariantCulture));
}
