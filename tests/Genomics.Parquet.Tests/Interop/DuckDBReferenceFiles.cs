namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// The files tests/interop/duckdb-write.mjs writes (one table, every codec, DataPage V1 and V2), each with
/// its expected canonical dump, generated once per test class into a temporary directory.
/// </summary>
public sealed class DuckDBReferenceFiles : IDisposable
{
    private readonly TempDirectory directory = new();

    public DuckDBReferenceFiles()
    {
        NodeInterop.Run("duckdb-write.mjs", directory.Path);
    }

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var codec in new[] { "uncompressed", "snappy", "gzip", "zstd" })
        {
            foreach (var version in new[] { "v1", "v2" })
            {
                names.Add($"duckdb_{codec}_{version}.parquet");
            }
        }

        return names;
    }

    public string PathOf(string name) => directory.File(name);

    /// <summary>The canonical dump of the table DuckDB wrote, made from the table itself.</summary>
    public string ExpectedDump(string name) => File.ReadAllText(PathOf(name) + ".json");

    public void Dispose() => directory.Dispose();
}
