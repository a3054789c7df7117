using System.Text.Json;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>Reads fields of the rows meta.mjs prints (DuckDB's parquet_metadata and friends).</summary>
internal static class Meta
{
    /// <summary>A field as text (null when JSON null or absent); numbers and booleans as their JSON text.</summary>
    public static string? Text(JsonElement row, string name)
    {
        if (!row.TryGetProperty(name, out var value))
        {
            throw new KeyNotFoundException($"meta.mjs row has no '{name}': {row.GetRawText()}");
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }

    public static long Long(JsonElement row, string name)
        => long.Parse(Text(row, name) ?? throw new InvalidOperationException($"'{name}' is null in {row.GetRawText()}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of one section: "file", "metadata", "schema" or "kv".</summary>
    public static IEnumerable<JsonElement> Rows(JsonDocument meta, string section) => meta.RootElement.GetProperty(section).EnumerateArray();
}
