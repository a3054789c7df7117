using System.Text.Json;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// Compares two canonical dumps. They must be the same text; when they are not, the message names the
/// first differing row and column instead of printing two multi-megabyte strings.
/// </summary>
internal static class DumpAssert
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static void Equal(string expected, string actual, string what)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        Assert.Fail($"{what}: {Describe(expected, actual)}");
    }

    private static string Describe(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected, Options);
        using var a = JsonDocument.Parse(actual, Options);
        var eColumns = e.RootElement.GetProperty("columns");
        var aColumns = a.RootElement.GetProperty("columns");
        if (eColumns.GetRawText() != aColumns.GetRawText())
        {
            return $"columns differ: expected {eColumns.GetRawText()}, got {aColumns.GetRawText()}";
        }

        var names = eColumns.EnumerateArray().Select(n => n.GetString()).ToArray();
        var eRows = e.RootElement.GetProperty("rows");
        var aRows = a.RootElement.GetProperty("rows");
        var count = Math.Min(eRows.GetArrayLength(), aRows.GetArrayLength());
        for (var r = 0; r < count; r++)
        {
            var eRow = eRows[r].EnumerateArray().ToArray();
            var aRow = aRows[r].EnumerateArray().ToArray();
            for (var c = 0; c < names.Length; c++)
            {
                var eText = eRow[c].GetRawText();
                var aText = c < aRow.Length ? aRow[c].GetRawText() : "(missing)";
                if (eText != aText)
                {
                    var at = FirstDifference(eText, aText);
                    return $"row {r}, column '{names[c]}' (from char {at}): expected {Excerpt(eText, at)}, got {Excerpt(aText, at)}";
                }
            }
        }

        return eRows.GetArrayLength() != aRows.GetArrayLength()
            ? $"expected {eRows.GetArrayLength()} rows, got {aRows.GetArrayLength()}"
            : "the documents hold the same values but differ in layout";
    }

    private static int FirstDifference(string x, string y)
    {
        var n = Math.Min(x.Length, y.Length);
        var i = 0;
        while (i < n && x[i] == y[i])
        {
            i++;
        }

        return i;
    }

    // A 500,000-element list would swamp the message; the part around the first difference is what matters.
    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 100);
        var end = Math.Min(text.Length, at + 200);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? $"…({text.Length} chars)" : "");
    }
}
