using Genomics.Parquet.Tests.Properties;

namespace Genomics.Parquet.Tests;

public class EmptyDictionaryTests
{
    [Fact]
    public void A_dictionary_page_of_no_values_before_an_overflow_still_reads_back()
    {
        // The first page (20,000 nulls, the most rows a page takes) is dictionary-encoded with no values; the first
        // value of the next page does not fit the 5-byte dictionary, so the chunk falls back to PLAIN with an empty
        // dictionary. The chunk must still carry a dictionary page for its first page (found by WholeFileProperties).
        var schema = new ParquetSchema([ParquetField.Primitive("s", ParquetValueType.String, nullable: true)]);
        var values = Enumerable.Repeat<string?>(null, 20_000).Concat(Enumerable.Range(0, 50).Select(i => "value-" + i)).ToArray();
        var options = new ParquetWriterOptions { DictionaryPageSizeLimit = 5 };
        var groups = new List<ColumnArray[]> { new ColumnArray[] { BinaryArray.FromStrings(values) } };
        var bytes = WholeFileProperties.Write(schema, options, groups);
        WholeFileProperties.AssertReadsBack(bytes, schema, groups);

        using var reader = new ParquetFileReader(new MemoryStream(bytes));
        var column = (BinaryArray)reader.ReadColumn(0, 0);
        Assert.Null(column.GetString(0));
        Assert.Equal("value-49", column.GetString(values.Length - 1));
    }
}
