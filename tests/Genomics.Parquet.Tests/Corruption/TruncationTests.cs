namespace Genomics.Parquet.Tests.Corruption;

public class TruncationTests
{
    public static TheoryData<ParquetCompression, bool> Variants() => new()
    {
        { ParquetCompression.Zstd, false },
        { ParquetCompression.Snappy, false },
        { ParquetCompression.Snappy, true },
        { ParquetCompression.Gzip, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Sample_file_reads_back_intact(ParquetCompression compression, bool v2)
    {
        var file = SampleFiles.Get(compression, v2);
        using var r = new ParquetFileReader(new MemoryStream(file));
        Assert.Equal(2, r.RowGroupCount);
        Assert.Equal(65, r.RowCount);
        var groups = new[] { SampleFiles.RowGroup(40, 1), SampleFiles.RowGroup(25, 2) };
        for (var g = 0; g < 2; g++)
        {
            for (var c = 0; c < SampleFiles.Schema.Fields.Count; c++)
            {
                ColumnComparer.Equal(groups[g][c], r.ReadColumn(g, c), SampleFiles.Schema.Fields[c].Name);
            }
        }

        // The sample exercises what the sweeps need: dictionary and PLAIN data pages in one chunk, several pages per chunk.
        foreach (var column in new[] { 2, 3 })
        {
            var chunk = r.Metadata.RowGroups[0].Columns[column].MetaData!;
            Assert.NotNull(chunk.DictionaryPageOffset);
            Assert.Contains(chunk.EncodingStats!, s => s.Encoding == Format.Encoding.RleDictionary);
            Assert.Contains(chunk.EncodingStats!, s => s.Encoding == Format.Encoding.Plain && s.PageType != Format.PageType.DictionaryPage);
        }

        Assert.True(r.Metadata.RowGroups[0].Columns.Max(c => FileSurgery.Pages(file, c.MetaData!).Count) >= 3);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_truncation_is_a_format_error(ParquetCompression compression, bool v2)
    {
        var file = SampleFiles.Get(compression, v2);
        Guard.WithTimeout(TimeSpan.FromSeconds(30), () =>
        {
            for (var length = 0; length < file.Length; length++)
            {
                var cut = file[..length];
                Outcome.FormatError(() => SampleFiles.ReadAll(cut), $"truncated to {length} of {file.Length} bytes");
            }
        });
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Losing_row_group_bytes_under_an_intact_footer_is_a_format_error(ParquetCompression compression, bool v2)
    {
        // Cut the file at every point before the footer but keep the footer: the footer then points past
        // the data, or at bytes of the footer itself, which must be caught when a chunk is read.
        var file = SampleFiles.Get(compression, v2);
        var (meta, footerStart, _) = FileSurgery.Footer(file);
        var dataEnd = meta.RowGroups.SelectMany(rg => rg.Columns).Max(c => c.MetaData!.DataPageOffset + c.MetaData.TotalCompressedSize
            - (c.MetaData.DictionaryPageOffset is { } d && d < c.MetaData.DataPageOffset ? c.MetaData.DataPageOffset - d : 0));
        Guard.WithTimeout(TimeSpan.FromSeconds(30), () =>
        {
            for (var cut = 0; cut < footerStart; cut++)
            {
                byte[] damaged = [.. file.AsSpan(0, cut), .. file.AsSpan(footerStart)];
                var error = Outcome.SucceedsOrFormatError(() => SampleFiles.ReadAll(damaged), $"bytes {cut}..{footerStart} removed");
                if (cut < dataEnd)
                {
                    Assert.True(error is not null, $"bytes {cut}..{footerStart} removed, yet every column read");
                }
            }
        });
    }
}
