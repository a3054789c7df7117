namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// Files from our writer, in every codec / dictionary / page-version combination, read by DuckDB and by
/// arrow-rs: each must see exactly the values that were written.
/// </summary>
public sealed class WriterInteropTests
{
    public static TheoryData<ParquetCompression, bool, bool> Combinations => MatrixFile.Combinations();

    [Theory]
    [MemberData(nameof(Combinations))]
    public void BothReadersSeeEveryValueWritten(ParquetCompression compression, bool dictionary, bool pageV2)
    {
        using var dir = new TempDirectory();
        var path = dir.File("matrix.parquet");
        var file = MatrixFile.Write(path, compression, dictionary, pageV2);
        var expected = CanonicalJson.Dump(file.Schema, file.RowGroups);

        foreach (var reader in new[] { "duckdb", "arrow" })
        {
            var actual = NodeInterop.Run("dump.mjs", "--reader", reader, path);
            DumpAssert.Equal(expected, actual, $"{reader} reading {compression}, dictionary {dictionary}, {(pageV2 ? "V2" : "V1")} pages");
        }
    }

    /// <summary>The same files through our own reader, so a round-trip bug shows next to the interop result.</summary>
    [Theory]
    [MemberData(nameof(Combinations))]
    public void OurReaderSeesEveryValueWritten(ParquetCompression compression, bool dictionary, bool pageV2)
    {
        using var dir = new TempDirectory();
        var path = dir.File("matrix.parquet");
        var file = MatrixFile.Write(path, compression, dictionary, pageV2);
        var (schema, rowGroups) = ParquetFiles.ReadAll(path);

        Assert.Equal(file.RowGroups.Count, rowGroups.Count);
        DumpAssert.Equal(CanonicalJson.Dump(file.Schema, file.RowGroups), CanonicalJson.Dump(schema, rowGroups), "our reader");
    }
}
