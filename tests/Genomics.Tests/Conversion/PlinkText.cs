namespace Genomics.Tests.Conversion;

/// <summary>
/// .bim/.fam text split the simple way, independent of the engine's readers: lines on '\n' (a '\r' before it
/// dropped, a last line without terminator kept), columns on runs of spaces and tabs.
/// </summary>
internal static class PlinkText
{
    public static string[][] Rows(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        if (lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        return [.. lines.Select(l => l.TrimEnd('\r').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))];
    }
}
