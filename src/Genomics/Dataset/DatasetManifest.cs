using System.Text.Json;

namespace Genomics.Dataset;

/// <summary>
/// manifest.json: what a dataset is (tier, inputs, tables and their row counts, tool version, command).
/// Written last, so a folder with a manifest is a complete dataset.
/// </summary>
public sealed record DatasetManifest
{
    public const string FileName = "manifest.json";
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public string Tier { get; init; } = DatasetTier.Controlled;

    public string SourceFormat { get; init; } = "";

    public string Genotypes { get; init; } = "";

    public string ToolVersion { get; init; } = EngineInfo.Version;

    public string Command { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<DatasetInput> Inputs { get; init; } = [];

    public long SampleCount { get; init; }

    public long VariantCount { get; init; }

    /// <summary>Table name → files (relative paths) and rows.</summary>
    public IReadOnlyDictionary<string, DatasetTable> Tables { get; init; } = new Dictionary<string, DatasetTable>();

    public void Write(string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema_version", SchemaVersion);
        w.WriteString("tier", Tier);
        w.WriteString("source_format", SourceFormat);
        w.WriteString("genotypes", Genotypes);
        w.WriteString("tool_version", ToolVersion);
        w.WriteString("command", Command);
        w.WriteString("created_at", CreatedAt);
        w.WriteNumber("sample_count", SampleCount);
        w.WriteNumber("variant_count", VariantCount);
        w.WriteStartArray("inputs");
        foreach (var i in Inputs)
        {
            w.WriteStartObject();
            w.WriteString("name", i.Name);
            w.WriteNumber("size", i.SizeBytes);
            w.WriteString("sha256", i.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("tables");
        foreach (var (name, t) in Tables)
        {
            w.WriteStartObject(name);
            w.WriteNumber("rows", t.Rows);
            w.WriteStartArray("files");
            foreach (var f in t.Files)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static DatasetManifest Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = doc.RootElement;
            var tables = new Dictionary<string, DatasetTable>(StringComparer.Ordinal);
            foreach (var t in r.GetProperty("tables").EnumerateObject())
            {
                tables[t.Name] = new DatasetTable(t.Value.GetProperty("rows").GetInt64(), [.. t.Value.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)]);
            }

            return new DatasetManifest
            {
                SchemaVersion = r.GetProperty("schema_version").GetString()!,
                Tier = r.GetProperty("tier").GetString()!,
                SourceFormat = r.GetProperty("source_format").GetString()!,
                Genotypes = r.GetProperty("genotypes").GetString()!,
                ToolVersion = r.GetProperty("tool_version").GetString()!,
                Command = r.GetProperty("command").GetString()!,
                CreatedAt = r.GetProperty("created_at").GetDateTimeOffset(),
                SampleCount = r.GetProperty("sample_count").GetInt64(),
                VariantCount = r.GetProperty("variant_count").GetInt64(),
                Inputs = [.. r.GetProperty("inputs").EnumerateArray().Select(i => new DatasetInput(i.GetProperty("name").GetString()!, i.GetProperty("size").GetInt64(), i.GetProperty("sha256").GetString()!))],
                Tables = tables,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new GenomicsFormatException(InputErrorKind.Malformed, path, "not a valid dataset manifest: " + e.Message, innerException: e);
        }
    }
}
