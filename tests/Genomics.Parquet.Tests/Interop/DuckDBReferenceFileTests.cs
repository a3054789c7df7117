namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// The harness itself: on files DuckDB wrote, both Node readers must print exactly the dump DuckDB made from
/// its table. If they disagree here, a disagreement on our files would say nothing about our writer.
/// </summary>
public sealed class DuckDBReferenceFileTests(DuckDBReferenceFiles files) : IClassFixture<DuckDBReferenceFiles>
{
    public static TheoryData<string> Names => DuckDBReferenceFiles.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void BothNodeReadersPrintTheSameDump(string name)
    {
        var expected = files.ExpectedDump(name);
        foreach (var reader in new[] { "duckdb", "arrow" })
        {
            DumpAssert.Equal(expected, NodeInterop.Run("dump.mjs", "--reader", reader, files.PathOf(name)), $"{reader} reading {name}");
        }
    }
}
