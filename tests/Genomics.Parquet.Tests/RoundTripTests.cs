namespace Genomics.Parquet.Tests;

public class RoundTripTests
{
    public static TheoryData<ParquetCompression, bool, bool> Settings()
    {
        var data = new TheoryData<ParquetCompression, bool, bool>();
        foreach (var c in new[] { ParquetCompression.None, ParquetCompression.Snappy, ParquetCompression.Gzip, ParquetCompression.Zstd })
        {
            foreach (var dict in new[] { true, false })
            {
                foreach (var v2 in new[] { false, true })
                {
                    data.Add(c, dict, v2);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_type_survives_write_and_read(ParquetCompression compression, bool dictionary, bool v2)
    {
        var options = new ParquetWriterOptions { Compression = compression, UseDictionary = dictionary, DataPageV2 = v2, DataPageSize = 2000 };
        var batches = Enumerable.Range(0, 3).Select(i => SampleColumns.AllTypes(500 + (i * 250), i)).ToList();
        using var ms = new MemoryStream();
        using (var w = new ParquetFileWriter(ms, batches[0].Schema, options, leaveOpen: true))
        {
            w.SetMetadata("genomics.tier", "controlled");
            foreach (var (_, cols) in batches)
            {
                w.WriteRowGroup(cols);
            }
        }

        ms.Position = 0;
        using var r = new ParquetFileReader(ms, leaveOpen: true);
        Assert.Equal(3, r.RowGroupCount);
        Assert.Equal(batches.Sum(b => b.Columns[0].Length), r.RowCount);
        Assert.Equal("controlled", r.KeyValueMetadata["genomics.tier"]);
        Assert.Equal(batches[0].Schema.Fields.Select(f => f.ToString()), r.Schema.Fields.Select(f => f.ToString()));
        for (var g = 0; g < 3; g++)
        {
            for (var c = 0; c < r.Schema.Fields.Count; c++)
            {
                ColumnComparer.Equal(batches[g].Columns[c], r.ReadColumn(g, c), r.Schema.Fields[c].Name);
            }
        }
    }

    [Fact]
    public void A_reused_column_buffer_reads_every_row_group_correctly()
    {
        var batches = Enumerable.Range(0, 4).Select(i => SampleColumns.AllTypes(100 + (i * 300), 10 + i)).ToList();
        using var ms = new MemoryStream();
        using (var w = new ParquetFileWriter(ms, batches[0].Schema, new ParquetWriterOptions { DataPageSize = 500 }, leaveOpen: true))
        {
            foreach (var (_, cols) in batches)
            {
                w.WriteRowGroup(cols);
            }
        }

        ms.Position = 0;
        using var r = new ParquetFileReader(ms, leaveOpen: true);
        var buffers = r.Schema.Fields.Select(_ => new ColumnBuffer()).ToArray();
        // Largest row group first, so later (smaller) reads must not leak stale slots from it.
        foreach (var g in new[] { 3, 0, 2, 1 })
        {
            for (var c = 0; c < r.Schema.Fields.Count; c++)
            {
                ColumnComparer.Equal(batches[g].Columns[c], r.ReadColumn(g, c, buffers[c]), $"{r.Schema.Fields[c].Name} (row group {g})");
            }
        }
    }
}
