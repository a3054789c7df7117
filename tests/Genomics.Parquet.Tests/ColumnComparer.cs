using System.Text;

namespace Genomics.Parquet.Tests;

/// <summary>Renders arrays as nested value lists (null for null slots) so two arrays compare by content.</summary>
internal static class ColumnComparer
{
    public static List<object?> Values(ColumnArray array)
    {
        var list = new List<object?>(array.Length);
        for (var i = 0; i < array.Length; i++)
        {
            list.Add(Value(array, i));
        }

        return list;
    }

    public static object? Value(ColumnArray array, int i)
    {
        if (!array.IsValid(i))
        {
            return null;
        }

        return array switch
        {
            PrimitiveArray<bool> a => a.Values.Span[i],
            PrimitiveArray<sbyte> a => (long)a.Values.Span[i],
            PrimitiveArray<short> a => (long)a.Values.Span[i],
            PrimitiveArray<int> a => (long)a.Values.Span[i],
            PrimitiveArray<long> a => a.Values.Span[i],
            PrimitiveArray<float> a => BitConverter.SingleToInt32Bits(a.Values.Span[i]),
            PrimitiveArray<double> a => BitConverter.DoubleToInt64Bits(a.Values.Span[i]),
            BinaryArray a => Convert.ToHexString(a.GetBytes(i)),
            ListArray a => Enumerable.Range(a.Offsets.Span[i], a.Offsets.Span[i + 1] - a.Offsets.Span[i]).Select(k => Value(a.Values, k)).ToList(),
            _ => throw new NotSupportedException(array.GetType().Name),
        };
    }

    public static string Render(object? v) => v switch
    {
        null => "null",
        List<object?> l => "[" + string.Join(",", l.Select(Render)) + "]",
        _ => v.ToString()!,
    };

    public static void Equal(ColumnArray expected, ColumnArray actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        var e = Values(expected);
        var a = Values(actual);
        for (var i = 0; i < e.Count; i++)
        {
            var es = Render(e[i]);
            var @as = Render(a[i]);
            if (es != @as)
            {
                Assert.Fail($"column {name} row {i}: expected {es}, got {@as}");
            }
        }
    }

    public static string Utf8(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);
}
