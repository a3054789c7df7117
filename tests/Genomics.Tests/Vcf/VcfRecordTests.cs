using System.Text;
using Genomics.Tests.Bgzf;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

public sealed class VcfRecordTests
{
    [Fact]
    public void Fixed_fields_land_in_their_columns()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.File(
            ["##contig=<ID=2>", "##FILTER=<ID=q10,Description=\"q\">"],
            [],
            "1\t5000000000\trs1;rs2\tACGT\tA,AT\t29.5\tPASS\t.",
            "1\t5000000001\t.\tn\t.\t.\t.\t.",
            "2\t0\tx\tC\t<DEL>\tInf\tq10;s50\t."));
        Assert.Equal(["2", "1"], batch.Contigs.Select(c => c.Id));
        Assert.Equal(new[] { 1, 1, 0 }, batch.ContigIndexes.ToArray());
        Assert.Equal(new[] { 5000000000L, 5000000001L, 0L }, batch.Positions.ToArray());
        Assert.Equal(["rs1;rs2", null, "x"], Enumerable.Range(0, 3).Select(batch.Ids.GetString));
        Assert.Equal(["ACGT", "n", "C"], Enumerable.Range(0, 3).Select(batch.Refs.GetString));
        var lines = BcftoolsQueryFormat.SiteLines(batch, []).ToArray();
        Assert.Equal(["1\t5000000000\trs1;rs2\tACGT\tA,AT\t29.5\tPASS", "1\t5000000001\t.\tn\t.\t.\t.", "2\t0\tx\tC\t<DEL>\tinf\tq10;s50"], lines);
        Assert.Equal(0, batch.Alts.GetRange(1).GetOffsetAndLength(batch.Alts.Values.Count).Length);
        Assert.False(batch.Alts.IsNull(1));
        Assert.True(batch.Filters.IsNull(1));
        Assert.Equal(new long[] { 5, 6, 7 }, batch.LineNumbers.ToArray());
    }

    [Fact]
    public void Undeclared_contigs_are_appended_in_order_of_appearance_with_a_warning()
    {
        var (reader, batch) = VcfSnippet.Read(VcfSnippet.File(["##contig=<ID=1>"], [], "9\t1\t.\tA\tC\t.\t.\t.", "1\t1\t.\tA\tC\t.\t.\t.", "3\t1\t.\tA\tC\t.\t.\t."));
        Assert.Equal(["1", "9", "3"], reader.Contigs.Select(c => c.Id));
        Assert.Equal(new[] { 1, 0, 2 }, batch.ContigIndexes.ToArray());
        Assert.False(reader.Contigs[1].IsDeclared);
        Assert.Equal(2, reader.Warnings.Count(w => w.Message.Contains("is not declared in the header", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("1\t200\t.\tA\tC\t.\t.\t.\n1\t100\t.\tA\tC\t.\t.\t.", "POS 100 on contig 1 comes after POS 200")]
    [InlineData("1\t1\t.\tA\tC\t.\t.\t.\n2\t1\t.\tA\tC\t.\t.\t.\n1\t2\t.\tA\tC\t.\t.\t.", "contig 1 appears again after other contigs")]
    public void Unsorted_records_are_errors_unless_allowed(string records, string reason)
    {
        var text = VcfSnippet.File([], [], records);
        Assert.Contains(reason, VcfSnippet.Error(text).Reason, StringComparison.Ordinal);
        Assert.Equal(records.Split('\n').Length, VcfSnippet.Batch(text, new VcfReaderOptions { RequireSorted = false }).Count);
    }

    [Theory]
    [InlineData("1\t1\t.\tA\tC\t.\t.", "expected 8 (the #CHROM line has no FORMAT or samples) tab-separated columns, found 7")]
    [InlineData("1\t1\t.\tA\tC\t.\t.\t.\tGT", "expected 8 (the #CHROM line has no FORMAT or samples) tab-separated columns, found 9")]
    [InlineData("1\tx\t.\tA\tC\t.\t.\t.", "POS 'x' is not a whole number")]
    [InlineData("1\t99999999999999999999\t.\tA\tC\t.\t.\t.", "POS '99999999999999999999' is not a whole number")]
    [InlineData("1\t1\t.\tA\tC\tbad\t.\t.", "QUAL 'bad' must be '.' or a number")]
    [InlineData("1\t1\t.\tA\tC\t-1\t.\t.", "QUAL '-1' must be '.' or a number of 0 or more")]
    [InlineData("1\t1\t.\tAX\tC\t.\t.\t.", "REF 'AX' must be one or more of the bases")]
    [InlineData("1\t1\t.\t.\tC\t.\t.\t.", "REF '.' must be one or more of the bases")]
    [InlineData("1\t1\t.\tA\tC,\t.\t.\t.", "ALT 'C,' has an empty allele")]
    [InlineData("1\t1\t.\tA\t<DEL\t.\t.\t.", "ALT allele '<DEL' is not bases")]
    [InlineData("1\t1\t.\tA\tA[1:x[\t.\t.\t.", "ALT allele 'A[1:x[' is not bases")]
    [InlineData("c h r\t1\t.\tA\tC\t.\t.\t.", "CHROM 'c h r' is not a valid contig name")]
    [InlineData("1\t1\t;\tA\tC\t.\t.\t.", "ID ';' must be '.'")]
    public void Malformed_fixed_fields_are_errors_naming_line_and_reason(string record, string reason)
    {
        var error = VcfSnippet.Error(VcfSnippet.File([], [], "1\t1\t.\tA\tC\t.\t.\t.", record));
        Assert.Equal(InputErrorKind.Malformed, error.Kind);
        Assert.Equal(4, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0/1", "expected 11 (8 fixed, FORMAT and 2 samples as in the #CHROM line) tab-separated columns, found 10")]
    [InlineData("0/1\t0/0\t1/1", "found 12")]
    [InlineData("0/1\t", "sample B (column 11) is empty")]
    public void Sample_column_counts_are_checked_on_both_paths(string samples, string reason)
    {
        foreach (var format in new[] { "GT", "GT:DP" })
        {
            var error = VcfSnippet.Error(VcfSnippet.File([], ["A", "B"], $"1\t1\t.\tA\tC\t.\t.\t.\t{format}\t{samples}"));
            Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plain_gzip_bgzf_and_a_pipe_give_the_same_batches()
    {
        var text = File.ReadAllBytes(VcfTestData.Path("bcftools/view.vcf"));
        var expected = Render(new MemoryStream(text));
        Assert.Equal(expected, Render(new MemoryStream(TestBgzfWriter.WriteGzip(text))));
        Assert.Equal(expected, Render(new MemoryStream(TestBgzfWriter.Write(text, chunkSizes: [777, 5000]).Bytes)));
        Assert.Equal(expected, Render(new OneWayStream(text)));
    }

    [Fact]
    public void A_missing_final_newline_is_accepted_only_where_compression_proves_the_file_whole()
    {
        var text = Encoding.ASCII.GetBytes(VcfSnippet.File([], [], "1\t1\t.\tA\tC\t.\t.\t.").TrimEnd('\n'));
        var plain = Assert.Throws<GenomicsFormatException>(() => Render(new MemoryStream(text)));
        Assert.Equal((InputErrorKind.Truncated, 3L), (plain.Kind, plain.Line));
        using var reader = VcfReader.Open(new MemoryStream(TestBgzfWriter.WriteGzip(text)), "x.vcf.gz");
        var batch = reader.CreateBatch();
        Assert.True(reader.ReadBatch(batch));
        Assert.Equal(1, batch.Count);
        Assert.Contains(reader.Warnings, w => w.Message.Contains("newline", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var unix = VcfSnippet.File(["##INFO=<ID=X,Number=1,Type=String,Description=\"x\">"], ["A"], "1\t1\t.\tA\tC\t.\t.\tX=y\tGT\t0/1", "1\t2\t.\tA\tC\t.\t.\tX=z\tGT:DP\t1|1:4");
        var windows = unix.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Equal(Render(new MemoryStream(Encoding.ASCII.GetBytes(unix))), Render(new MemoryStream(Encoding.ASCII.GetBytes(windows))));
    }

    [Fact]
    public void Empty_lines_between_records_are_skipped()
    {
        var text = VcfSnippet.File([], [], "1\t1\t.\tA\tC\t.\t.\t.", "", "1\t2\t.\tA\tC\t.\t.\t.");
        Assert.Equal(2, VcfSnippet.Batch(text).Count);
    }

    private static string Render(Stream stream)
    {
        using var reader = VcfReader.Open(stream, "x.vcf", new VcfReaderOptions { BatchByteBudget = 1000 });
        var batch = reader.CreateBatch();
        var lines = new List<string>();
        var keys = reader.Header.InfoFields.Select(f => f.Id).ToArray();
        while (reader.ReadBatch(batch))
        {
            lines.AddRange(BcftoolsQueryFormat.SiteLines(batch, keys));
            lines.AddRange(BcftoolsQueryFormat.GenotypeLines(batch));
        }

        return string.Join('\n', lines);
    }

    /// <summary>A stream that cannot seek, like standard input.</summary>
    private sealed class OneWayStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
