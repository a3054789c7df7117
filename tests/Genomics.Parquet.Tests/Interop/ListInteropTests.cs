using System.Text.Json;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>LIST columns from our writer, read by DuckDB and arrow-rs.</summary>
public sealed class ListInteropTests
{
    private const int GenotypeCount = 500_000;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void BothReadersSeeEveryListShape(bool dictionary, bool pageV2)
    {
        using var dir = new TempDirectory();
        var path = dir.File("lists.parquet");
        var file = ListFile.Write(path, new ParquetWriterOptions { UseDictionary = dictionary, DataPageV2 = pageV2, DataPageSize = 4096 });
        var expected = CanonicalJson.Dump(file.Schema, file.RowGroups);

        foreach (var reader in new[] { "duckdb", "arrow" })
        {
            DumpAssert.Equal(expected, NodeInterop.Run("dump.mjs", "--reader", reader, path), $"{reader} reading lists (dictionary {dictionary}, V2 {pageV2})");
        }
    }

    [Fact]
    public void ListsAreThreeLevelGroupsNamedListAndElement()
    {
        using var dir = new TempDirectory();
        var path = dir.File("lists.parquet");
        ListFile.Write(path, new ParquetWriterOptions());
        using var meta = JsonDocument.Parse(NodeInterop.Run("meta.mjs", path));
        var schema = meta.RootElement.GetProperty("schema").EnumerateArray()
            .Select(r => (Name: Meta.Text(r, "name"), Repetition: Meta.Text(r, "repetition_type"), Converted: Meta.Text(r, "converted_type"), Logical: Meta.Text(r, "logical_type")))
            .ToList();

        // Depth-first: root, then for "nested": optional group (LIST) / repeated group list / optional group (LIST) element / repeated group list / optional int32 element.
        var nested = schema.FindIndex(e => e.Name == "nested");
        Assert.True(nested > 0, "no 'nested' column in the schema");
        Assert.Equal(
            [("nested", "OPTIONAL", "LIST"), ("list", "REPEATED", null), ("element", "OPTIONAL", "LIST"), ("list", "REPEATED", null), ("element", "OPTIONAL", null)],
            schema.Skip(nested).Take(5).Select(e => (e.Name, e.Repetition, e.Converted)).ToList());
        Assert.StartsWith("ListType", schema[nested].Logical, StringComparison.Ordinal);

        var required = schema.FindIndex(e => e.Name == "required_ints");
        Assert.Equal(
            [("required_ints", "REQUIRED", "LIST"), ("list", "REPEATED", null), ("element", "REQUIRED", null)],
            schema.Skip(required).Take(3).Select(e => (e.Name, e.Repetition, e.Converted)).ToList());
    }

    /// <summary>One genotype-shaped row: half a million INT8 calls in {-1, 0, 1, 2}, between two short rows.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BothReadersReadAHalfMillionElementInt8List(bool pageV2)
    {
        var random = new Random(7);
        var calls = new sbyte[GenotypeCount + 4];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = (sbyte)(random.Next(4) - 1);
        }

        var schema = new ParquetSchema(ParquetField.List("gt", ParquetField.Primitive("element", ParquetValueType.Int8), nullable: false));
        ColumnArray[] columns = [new ListArray(new[] { 0, 2, 2 + GenotypeCount, calls.Length }, new PrimitiveArray<sbyte>(calls))];

        using var dir = new TempDirectory();
        var path = dir.File("genotypes.parquet");
        ParquetFiles.Write(path, schema, [columns], new ParquetWriterOptions { DataPageV2 = pageV2 });
        var expected = CanonicalJson.Dump(schema, [columns]);

        foreach (var reader in new[] { "duckdb", "arrow" })
        {
            DumpAssert.Equal(expected, NodeInterop.Run("dump.mjs", "--reader", reader, path), $"{reader} reading a {GenotypeCount}-element list");
        }
    }
}
