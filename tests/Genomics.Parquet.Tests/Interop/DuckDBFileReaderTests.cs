namespace Genomics.Parquet.Tests.Interop;

/// <summary>Our reader on files DuckDB wrote: every column of every row group, compared with DuckDB's own dump.</summary>
public sealed class DuckDBFileReaderTests(DuckDBReferenceFiles files) : IClassFixture<DuckDBReferenceFiles>
{
    public static TheoryData<string> Names => DuckDBReferenceFiles.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void OurReaderSeesWhatDuckDBWrote(string name)
    {
        var (schema, rowGroups) = ParquetFiles.ReadAll(files.PathOf(name));

        // duckdb-write.mjs feeds 500-row slices, so 3000 rows arrive as six row groups.
        Assert.Equal(6, rowGroups.Count);
        DumpAssert.Equal(files.ExpectedDump(name), CanonicalJson.Dump(schema, rowGroups), $"our reader on {name}");
    }

    /// <summary>
    /// DuckDB stores V2 DELTA_BINARY_PACKED deltas of an INTEGER column in 64 bits, so a column jumping across
    /// the 32-bit range has deltas no INT32 holds; decoding must wrap them (arrow-rs rejects such files).
    /// </summary>
    [Fact]
    public void OurReaderWrapsDuckDBsWideInt32Deltas()
    {
        const string Name = "duckdb_wide_int32_deltas_v2.parquet";
        var (schema, rowGroups) = ParquetFiles.ReadAll(files.PathOf(Name));
        DumpAssert.Equal(files.ExpectedDump(Name), CanonicalJson.Dump(schema, rowGroups), $"our reader on {Name}");
    }
}
