using System.Text.Json;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// What DuckDB reads from the footers our writer produces: the codec and encodings we asked for, the
/// statistics of the data, the logical types, our key-value metadata and created_by.
/// </summary>
public sealed class WriterMetadataInteropTests
{
    public static TheoryData<ParquetCompression, bool, bool> Combinations => MatrixFile.Combinations();

    [Theory]
    [MemberData(nameof(Combinations))]
    public void FooterDescribesWhatWasWritten(ParquetCompression compression, bool dictionary, bool pageV2)
    {
        using var dir = new TempDirectory();
        var path = dir.File("matrix.parquet");
        var file = MatrixFile.Write(path, compression, dictionary, pageV2);
        using var meta = JsonDocument.Parse(NodeInterop.Run("meta.mjs", path));

        var footer = Assert.Single(Meta.Rows(meta, "file"));
        Assert.Equal(file.Options.CreatedBy, Meta.Text(footer, "created_by"));
        Assert.Equal(file.RowGroups.Sum(g => (long)g[0].Length), Meta.Long(footer, "num_rows"));
        Assert.Equal(file.RowGroups.Count, Meta.Long(footer, "num_row_groups"));

        var kv = Assert.Single(Meta.Rows(meta, "kv"), r => Meta.Text(r, "key") == MatrixFile.MetadataKey);
        Assert.Equal(MatrixFile.MetadataValue, Meta.Text(kv, "value"));

        var schemaRows = Meta.Rows(meta, "schema").ToList();
        foreach (var field in file.Schema.Fields)
        {
            CheckSchemaElement(field, Assert.Single(schemaRows, r => Meta.Text(r, "name") == field.Name));
        }

        var chunks = Meta.Rows(meta, "metadata").ToList();
        Assert.Equal(file.RowGroups.Count * file.Schema.Fields.Count, chunks.Count);
        for (var g = 0; g < file.RowGroups.Count; g++)
        {
            for (var c = 0; c < file.Schema.Fields.Count; c++)
            {
                var field = file.Schema.Fields[c];
                var chunk = Assert.Single(chunks, r => Meta.Long(r, "row_group_id") == g && Meta.Text(r, "path_in_schema") == field.Name);
                CheckChunk(file.Options, field, file.RowGroups[g][c], chunk, $"row group {g}, column {field.Name}");
            }
        }
    }

    private static void CheckSchemaElement(ParquetField field, JsonElement row)
    {
        var type = field.ValueType!.Value;
        var (physical, duckType) = type switch
        {
            ParquetValueType.Boolean => ("BOOLEAN", "BOOLEAN"),
            ParquetValueType.Int8 => ("INT32", "TINYINT"),
            ParquetValueType.Int16 => ("INT32", "SMALLINT"),
            ParquetValueType.Int32 => ("INT32", "INTEGER"),
            ParquetValueType.Int64 => ("INT64", "BIGINT"),
            ParquetValueType.Float => ("FLOAT", "FLOAT"),
            ParquetValueType.Double => ("DOUBLE", "DOUBLE"),
            ParquetValueType.String => ("BYTE_ARRAY", "VARCHAR"),
            ParquetValueType.Binary => ("BYTE_ARRAY", "BLOB"),
            _ => throw new ArgumentOutOfRangeException(nameof(field), type, null),
        };
        Assert.Equal(physical, Meta.Text(row, "type"));
        Assert.Equal(duckType, Meta.Text(row, "duckdb_type"));
        Assert.Equal(field.Nullable ? "OPTIONAL" : "REQUIRED", Meta.Text(row, "repetition_type"));

        var logical = Meta.Text(row, "logical_type");
        switch (type)
        {
            case ParquetValueType.Int8 or ParquetValueType.Int16:
                var bits = type == ParquetValueType.Int8 ? 8 : 16;
                Assert.Equal(type == ParquetValueType.Int8 ? "INT_8" : "INT_16", Meta.Text(row, "converted_type"));
                Assert.Equal($"IntType(bitWidth={bits}, isSigned=1)", NormalizeBitWidth(logical));
                break;
            case ParquetValueType.String:
                Assert.Equal("UTF8", Meta.Text(row, "converted_type"));
                Assert.Equal("StringType()", logical);
                break;
            case ParquetValueType.Binary:
                Assert.Null(logical);
                break;
        }
    }

    private static void CheckChunk(ParquetWriterOptions options, ParquetField field, ColumnArray data, JsonElement chunk, string where)
    {
        var type = field.ValueType!.Value;
        Assert.True(CodecName(options.Compression) == Meta.Text(chunk, "compression"), $"{where}: compression {Meta.Text(chunk, "compression")}");
        Assert.True(data.Length == Meta.Long(chunk, "num_values"), $"{where}: num_values {Meta.Text(chunk, "num_values")}, rows {data.Length}");

        // Encodings: a dictionary whenever it was allowed and there is something to put in it, else the
        // column's own encoding. Booleans are never dictionary-encoded (two values gain nothing).
        var encodings = (Meta.Text(chunk, "encodings") ?? "").Split(", ");
        var dictionaryPage = Meta.Text(chunk, "dictionary_page_offset");
        var allNull = data.NullCount == data.Length;
        var expectDictionary = options.UseDictionary && field.Encoding == ParquetColumnEncoding.Auto && type != ParquetValueType.Boolean && !allNull;
        if (expectDictionary)
        {
            Assert.True(encodings.Contains("RLE_DICTIONARY"), $"{where}: dictionary expected, encodings are {string.Join(", ", encodings)}");
            Assert.True(dictionaryPage is not null, $"{where}: dictionary expected but no dictionary page");
            Assert.True(Meta.Long(chunk, "data_page_offset") > long.Parse(dictionaryPage!, System.Globalization.CultureInfo.InvariantCulture), $"{where}: data page before dictionary page");
        }
        else
        {
            Assert.True(dictionaryPage is null, $"{where}: unexpected dictionary page at {dictionaryPage}");
            Assert.False(encodings.Contains("RLE_DICTIONARY") || encodings.Contains("PLAIN_DICTIONARY"), $"{where}: unexpected dictionary encoding in {string.Join(", ", encodings)}");
            if (!allNull)
            {
                var expected = field.Encoding == ParquetColumnEncoding.Delta ? "DELTA_BINARY_PACKED" : "PLAIN";
                Assert.True(encodings.Contains(expected), $"{where}: {expected} expected, encodings are {string.Join(", ", encodings)}");
            }
        }

        // Statistics: null_count always; min/max of the valid non-NaN values (none when all are null).
        Assert.True(data.NullCount == Meta.Long(chunk, "stats_null_count"), $"{where}: null_count {Meta.Text(chunk, "stats_null_count")}, expected {data.NullCount}");
        var (min, max) = ChunkStatistics.Expected(type, data);
        CheckBound(min, ChunkStatistics.FromDuckDB(type, Meta.Text(chunk, "stats_min_value")), Meta.Text(chunk, "min_is_exact"), lower: true, $"{where}: min");
        CheckBound(max, ChunkStatistics.FromDuckDB(type, Meta.Text(chunk, "stats_max_value")), Meta.Text(chunk, "max_is_exact"), lower: false, $"{where}: max");
    }

    // DuckDB's parquet_metadata shows an infinite float bound as null (it does so for arrow-rs files too),
    // so such a bound cannot be checked through it; the later row groups hold no infinities.
    private static bool ShownAsNullByDuckDB(byte[]? bound)
        => bound is not null && System.Text.Encoding.UTF8.GetString(bound) is "\"Infinity\"" or "\"-Infinity\"";

    // A writer may shorten long byte-array bounds if it says so (is_exact false): then the bound only has to
    // hold, below every value for min and above every value for max.
    private static void CheckBound(byte[]? expected, byte[]? actual, string? isExact, bool lower, string where)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{where}: no valid values, yet the statistic is {Show(actual)}");
            return;
        }

        if (actual is null && ShownAsNullByDuckDB(expected))
        {
            return;
        }

        Assert.True(actual is not null, $"{where}: statistic missing, expected {Show(expected)}");
        if (isExact == "false")
        {
            var order = actual.AsSpan().SequenceCompareTo(expected);
            Assert.True(lower ? order <= 0 : order >= 0, $"{where}: inexact bound {Show(actual)} does not bound {Show(expected)}");
            return;
        }

        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{where}: expected {Show(expected)}, footer says {Show(actual)}");
    }

    private static string Show(byte[]? bytes) => bytes is null ? "(none)" : $"'{System.Text.Encoding.UTF8.GetString(bytes)}' (0x{Convert.ToHexStringLower(bytes)})";

    private static string NormalizeBitWidth(string? logical)
    {
        // DuckDB prints IntType's one-byte bitWidth as a character ("bitWidth=\b" for 8); turn it back into digits.
        const string Marker = "bitWidth=";
        var at = logical?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (logical is null || at < 0 || at + Marker.Length >= logical.Length || char.IsDigit(logical[at + Marker.Length]))
        {
            return logical ?? "(none)";
        }

        var width = (int)logical[at + Marker.Length];
        return string.Concat(logical.AsSpan(0, at + Marker.Length), width.ToString(System.Globalization.CultureInfo.InvariantCulture), logical.AsSpan(at + Marker.Length + 1));
    }

    private static string CodecName(ParquetCompression compression) => compression switch
    {
        ParquetCompression.None => "UNCOMPRESSED",
        ParquetCompression.Snappy => "SNAPPY",
        ParquetCompression.Gzip => "GZIP",
        ParquetCompression.Zstd => "ZSTD",
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, null),
    };
}
