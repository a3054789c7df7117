using System.Text;

namespace Genomics.Vcf;

/// <summary>
/// Parses the <c>&lt;key=value,key="quoted, value",…&gt;</c> value of a structured header line. Spaces around keys and
/// unquoted values are ignored (some tools write them); <c>\"</c> and <c>\\</c> are the escapes inside quotes; an
/// unquoted value that starts with '[' or '&lt;' runs to the matching bracket (##META Values lists, nested lists).
/// </summary>
internal static class StructuredValue
{
    /// <summary>The fields, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static List<VcfMetaField>? TryParse(string value, out string problem)
    {
        problem = "";
        var text = value.AsSpan().TrimEnd();
        if (text.IsEmpty || text[0] != '<')
        {
            problem = "is not a <…> list";
            return null;
        }

        if (text[^1] != '>')
        {
            problem = "is not closed with '>'";
            return null;
        }

        var inner = text[1..^1];
        var fields = new List<VcfMetaField>();
        var at = 0;
        while (true)
        {
            at = SkipSpaces(inner, at);
            if (at >= inner.Length)
            {
                if (fields.Count == 0)
                {
                    problem = "is an empty <> list";
                    return null;
                }

                problem = "ends with a ','";
                return null;
            }

            var keyEnd = inner[at..].IndexOfAny('=', ',');
            if (keyEnd < 0 || inner[at + keyEnd] == ',')
            {
                var stray = keyEnd < 0 ? inner[at..] : inner.Slice(at, keyEnd);
                problem = $"has '{stray.Trim()}' where a key=value pair should be (a ',' inside an unquoted value?)";
                return null;
            }

            var key = inner.Slice(at, keyEnd).Trim().ToString();
            if (key.Length == 0)
            {
                problem = "has a field without a key";
                return null;
            }

            at = SkipSpaces(inner, at + keyEnd + 1);
            if (at < inner.Length && inner[at] == '"')
            {
                var closed = ReadQuoted(inner, at + 1, out var unescaped);
                if (closed < 0)
                {
                    problem = $"has a quoted {key} value without its closing quote";
                    return null;
                }

                fields.Add(new VcfMetaField(key, unescaped, true));
                at = SkipSpaces(inner, closed + 1);
                if (at < inner.Length && inner[at] != ',')
                {
                    problem = $"has text after the closing quote of {key} (an unescaped quote inside the value?)";
                    return null;
                }
            }
            else
            {
                var valueStart = at;
                if (at < inner.Length && inner[at] is '[' or '<')
                {
                    var close = MatchingClose(inner, at);
                    if (close < 0)
                    {
                        problem = $"has a {key} value without its closing '{(inner[at] == '[' ? ']' : '>')}'";
                        return null;
                    }

                    at = close + 1;
                }

                var comma = inner[at..].IndexOf(',');
                at = comma < 0 ? inner.Length : at + comma;
                fields.Add(new VcfMetaField(key, inner[valueStart..at].Trim().ToString(), false));
            }

            if (at >= inner.Length)
            {
                return fields;
            }

            at++;
        }
    }

    // A bracketed group may nest and contain commas: "Values=[a, b]", or "name=<Nonsense,Software>" as some tools write.
    private static int MatchingClose(ReadOnlySpan<char> text, int open)
    {
        var (opening, closing) = text[open] == '[' ? ('[', ']') : ('<', '>');
        var depth = 0;
        for (var at = open; at < text.Length; at++)
        {
            if (text[at] == opening)
            {
                depth++;
            }
            else if (text[at] == closing && --depth == 0)
            {
                return at;
            }
        }

        return -1;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    // Returns the index of the closing quote, or -1 when the text ends first.
    private static int ReadQuoted(ReadOnlySpan<char> text, int at, out string value)
    {
        var builder = new StringBuilder();
        for (; at < text.Length; at++)
        {
            var c = text[at];
            if (c == '\\' && at + 1 < text.Length && text[at + 1] is '"' or '\\')
            {
                builder.Append(text[++at]);
            }
            else if (c == '"')
            {
                value = builder.ToString();
                return at;
            }
            else
            {
                builder.Append(c);
            }
        }

        value = "";
        return -1;
    }
}
