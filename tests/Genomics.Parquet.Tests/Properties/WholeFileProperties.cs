using Genomics.Parquet.Format;

namespace Genomics.Parquet.Tests.Properties;

public class WholeFileProperties
{
    [Fact]
    public void Random_schemas_data_and_options_survive_write_and_read()
    {
        PropertyRunner.Check(FileCaseGen.Cases, 150, c =>
        {
            var groups = FileCaseGen.Data(c);
            var bytes = Write(c.Schema, c.Options, groups);

            // The same rows written to a stream that cannot seek give the very same bytes.
            using (var sink = new MemoryStream())
            {
                using (var w = new ParquetFileWriter(new NonSeekableStream(sink), c.Schema, c.Options, leaveOpen: true))
                {
                    foreach (var g in groups)
                    {
                        w.WriteRowGroup(g);
                    }
                }

                Assert.Equal(bytes, sink.ToArray());
            }

            AssertReadsBack(bytes, c.Schema, groups);
            FileInvariants.Check(bytes, c.Schema, [.. groups.Where(g => g[0].Length > 0)], c.Options);
        });
    }

    [Fact]
    public void Dictionary_overflow_falls_back_to_plain_within_a_chunk()
    {
        // Many distinct values, small pages and a small dictionary limit: the first pages are dictionary
        // encoded, later ones PLAIN, in the same chunk; every value still reads back.
        var rng = new Random(7);
        var schema = new ParquetSchema(
            ParquetField.Primitive("s", ParquetValueType.String, nullable: true),
            ParquetField.Primitive("l", ParquetValueType.Int64),
            ParquetField.List("d", ParquetField.Primitive("element", ParquetValueType.Double, nullable: true)));
        var rows = 600;
        var strings = BinaryArray.FromStrings([.. Enumerable.Range(0, rows).Select(i => i % 9 == 0 ? null : "v" + (i % 300))]);
        var longs = new PrimitiveArray<long>(Enumerable.Range(0, rows).Select(i => (long)(i % 250) * 1_000_003).ToArray());
        var offsets = Enumerable.Range(0, rows + 1).Select(i => i * 2).ToArray();
        var doubles = new PrimitiveArray<double>(Enumerable.Range(0, rows * 2).Select(i => (double)(i % 400)).ToArray(), Enumerable.Range(0, rows * 2).Select(_ => rng.Next(5) != 0).ToArray());
        ColumnArray[] columns = [strings, longs, new ListArray(offsets, doubles)];
        foreach (var v2 in new[] { false, true })
        {
            var options = new ParquetWriterOptions { Compression = ParquetCompression.Snappy, DataPageSize = 256, DictionaryPageSizeLimit = 1200, DataPageV2 = v2 };
            var bytes = Write(schema, options, [columns, columns]);
            using var r = new ParquetFileReader(new MemoryStream(bytes));
            foreach (var rg in r.Metadata.RowGroups)
            {
                foreach (var chunk in rg.Columns)
                {
                    var stats = chunk.MetaData!.EncodingStats!;
                    var dataPage = v2 ? PageType.DataPageV2 : PageType.DataPage;
                    Assert.Contains(stats, s => s.PageType == dataPage && s.Encoding == Encoding.RleDictionary);
                    Assert.Contains(stats, s => s.PageType == dataPage && s.Encoding == Encoding.Plain);
                    Assert.Contains(stats, s => s.PageType == PageType.DictionaryPage);
                }
            }

            AssertReadsBack(bytes, schema, [columns, columns]);
        }
    }

    internal static byte[] Write(ParquetSchema schema, ParquetWriterOptions options, IReadOnlyList<ColumnArray[]> groups)
    {
        using var ms = new MemoryStream();
        using (var w = new ParquetFileWriter(ms, schema, options, leaveOpen: true))
        {
            foreach (var g in groups)
            {
                w.WriteRowGroup(g);
            }
        }

        return ms.ToArray();
    }

    internal static void AssertReadsBack(byte[] bytes, ParquetSchema schema, IReadOnlyList<ColumnArray[]> groups)
    {
        // Row groups without rows are not written.
        var written = groups.Where(g => g[0].Length > 0).ToList();
        using var r = new ParquetFileReader(new MemoryStream(bytes));
        Assert.Equal(schema.Fields.Select(f => f.ToString()), r.Schema.Fields.Select(f => f.ToString()));
        Assert.Equal(written.Count, r.RowGroupCount);
        Assert.Equal(written.Sum(g => (long)g[0].Length), r.RowCount);
        for (var g = 0; g < written.Count; g++)
        {
            Assert.Equal(written[g][0].Length, r.GetRowGroupRowCount(g));
            for (var c = 0; c < schema.Fields.Count; c++)
            {
                ColumnComparer.Equal(written[g][c], r.ReadColumn(g, c), $"{schema.Fields[c]} (row group {g})");
            }
        }
    }
}
