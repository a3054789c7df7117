using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class CompressionDetectorTests
{
    [Fact]
    public void Empty_file_is_not_recognized()
    {
        var e = Assert.Throws<GenomicsFormatException>(() => CompressionDetector.Detect([], isWholeFile: true, "x.vcf.gz"));
        Assert.Equal(InputErrorKind.NotRecognized, e.Kind);
        Assert.Equal("x.vcf.gz: byte 0: empty file", e.Message);
    }

    [Fact]
    public void Bgzf_header_is_bgzf()
    {
        var file = TestBgzfWriter.Write(TestInput.VcfLikeText(100, 1)).Bytes;
        Assert.Equal(CompressionFormat.Bgzf, CompressionDetector.Detect(file, isWholeFile: true, "x"));
    }

    [Fact]
    public void Bgzf_with_a_subfield_before_bc_is_bgzf()
    {
        using var output = new MemoryStream();
        TestBgzfWriter.WriteBlock(output, "abc"u8, System.IO.Compression.CompressionLevel.Fastest, extraSubfield: true);
        Assert.Equal(CompressionFormat.Bgzf, CompressionDetector.Detect(output.ToArray(), isWholeFile: true, "x"));
    }

    [Fact]
    public void Plain_gzip_is_gzip()
    {
        var file = TestBgzfWriter.WriteGzip(TestInput.VcfLikeText(100, 1));
        Assert.Equal(CompressionFormat.Gzip, CompressionDetector.Detect(file, isWholeFile: true, "x"));
    }

    [Fact]
    public void Gzip_command_output_is_gzip_when_installed()
    {
        if (!ExternalTool.Exists("gzip"))
        {
            return;
        }

        // Files named on the command line: gzip stores each name (FNAME) and writes one member per file.
        var first = TestInput.VcfLikeText(100_000, 4);
        var second = TestInput.VcfLikeText(50_000, 5);
        var directory = Directory.CreateTempSubdirectory("genomics-bgzf-");
        try
        {
            var a = Path.Combine(directory.FullName, "a.vcf");
            var b = Path.Combine(directory.FullName, "b.vcf");
            File.WriteAllBytes(a, first);
            File.WriteAllBytes(b, second);
            var file = ExternalTool.Run("gzip", ["-c", a, b]);
            Assert.NotEqual(0, file[3] & 0x08);
            Assert.Equal(CompressionFormat.Gzip, CompressionDetector.Detect(file, isWholeFile: true, "x"));
            Assert.True(TestInput.ReadAll(file).AsSpan().SequenceEqual([.. first, .. second]));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("##fileformat=VCFv4.3\n")]
    [InlineData("#")]
    [InlineData("\u001f")]
    public void Text_is_uncompressed(string text)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);
        if (bytes is [0x1f])
        {
            // A lone 1f at the very end is the start of a gzip header cut short.
            var e = Assert.Throws<GenomicsFormatException>(() => CompressionDetector.Detect(bytes, isWholeFile: true, "x"));
            Assert.Equal(InputErrorKind.Truncated, e.Kind);
            return;
        }

        Assert.Equal(CompressionFormat.Uncompressed, CompressionDetector.Detect(bytes, isWholeFile: true, "x"));
    }

    [Fact]
    public void Bed_magic_is_uncompressed()
    {
        Assert.Equal(CompressionFormat.Uncompressed, CompressionDetector.Detect([0x6c, 0x1b, 0x01, 0x00], isWholeFile: true, "x"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public void Gzip_header_cut_short_is_truncated(int length)
    {
        var file = TestBgzfWriter.WriteGzip(TestInput.VcfLikeText(100, 1));
        var e = Assert.Throws<GenomicsFormatException>(() => CompressionDetector.Detect(file.AsSpan(0, length), isWholeFile: true, "x"));
        Assert.Equal(InputErrorKind.Truncated, e.Kind);
    }

    [Fact]
    public void Gzip_with_unknown_method_is_corrupt()
    {
        var file = TestBgzfWriter.WriteGzip(TestInput.VcfLikeText(100, 1));
        file[2] = 7;
        var e = Assert.Throws<GenomicsFormatException>(() => CompressionDetector.Detect(file, isWholeFile: true, "x"));
        Assert.Equal(InputErrorKind.Corrupt, e.Kind);
        Assert.Equal(2, e.Offset);
    }

    [Fact]
    public void Gzip_with_reserved_flags_is_corrupt()
    {
        var file = TestBgzfWriter.WriteGzip(TestInput.VcfLikeText(100, 1));
        file[3] |= 0x80;
        Assert.Equal(InputErrorKind.Corrupt, Assert.Throws<GenomicsFormatException>(() => CompressionDetector.Detect(file, isWholeFile: true, "x")).Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Bgzf_header_with_one_damaged_fixed_byte_is_corrupt_not_another_format(int position)
    {
        var file = TestBgzfWriter.Write(TestInput.VcfLikeText(100, 1)).Bytes;
        file[position] ^= 0x20;
        var e = Assert.Throws<GenomicsFormatException>(() => CompressionDetector.Detect(file, isWholeFile: true, "x"));
        Assert.Equal(InputErrorKind.Corrupt, e.Kind);
    }

    [Fact]
    public void A_partial_head_must_be_long_enough()
    {
        Assert.Throws<ArgumentException>(() => CompressionDetector.Detect(new byte[100], isWholeFile: false, "x"));
    }
}
