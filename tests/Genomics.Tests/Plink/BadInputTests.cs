using Genomics.Plink;

namespace Genomics.Tests.Plink;

/// <summary>Every malformed shared file, and the mismatches made here, fail with the right kind and a message naming the file.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("bed-reader/badfile.bed", InputErrorKind.NotRecognized, "starts with 0x54 0x68, expected 0x6c 0x1b")]
    [InlineData("bed-reader/smallmodebad.bed", InputErrorKind.Malformed, "unknown mode byte 0x30")]
    [InlineData("bed-reader/empty.bed", InputErrorKind.NotRecognized, "file is empty")]
    public void Shared_bad_bed_files_are_rejected_at_open(string file, InputErrorKind kind, string reason)
    {
        // Counts of small.fam / small.bim: the header checks come before the size check.
        var path = PlinkTestData.Path(file);
        var error = Assert.Throws<GenomicsFormatException>(() => BedReader.Open(path, 3, 4));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_short_bed_is_a_size_mismatch_stating_both_sizes()
    {
        var prefix = PlinkTestData.Path("bed-reader/small_too_short");
        var error = Assert.Throws<GenomicsFormatException>(() => PlinkFileset.Open(prefix));
        Assert.Equal(InputErrorKind.Mismatch, error.Kind);
        Assert.Equal(
            $"{prefix}.bed: byte 6: size is 6 bytes but 3 + 4 variants (.bim) × 1 bytes per variant for 3 samples (.fam) = 7 bytes were expected",
            error.Message);
    }

    [Fact]
    public void Bim_with_one_line_less_than_the_bed_holds_is_a_mismatch()
    {
        using var directory = new TemporaryDirectory();
        var prefix = CopyFileset("bed-reader/some_missing", directory);
        File.WriteAllLines(prefix + ".bim", File.ReadAllLines(prefix + ".bim")[..^1]);
        var error = Assert.Throws<GenomicsFormatException>(() => PlinkFileset.Open(prefix));
        Assert.Equal(InputErrorKind.Mismatch, error.Kind);
        Assert.Contains("size is 2503 bytes but 3 + 99 variants (.bim) × 25 bytes per variant for 100 samples (.fam) = 2478", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fam_with_one_sample_more_than_the_bed_holds_is_a_mismatch()
    {
        using var directory = new TemporaryDirectory();
        var prefix = CopyFileset("bed-reader/some_missing", directory);
        File.AppendAllText(prefix + ".fam", "0\textra\t0\t0\t1\t0\n");
        var error = Assert.Throws<GenomicsFormatException>(() => PlinkFileset.Open(prefix));
        Assert.Equal(InputErrorKind.Mismatch, error.Kind);
        Assert.Contains("26 bytes per variant for 101 samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_column_fam_in_a_fileset_names_the_fam_and_line()
    {
        using var directory = new TemporaryDirectory();
        var prefix = CopyFileset("bed-reader/small", directory);
        var lines = File.ReadAllLines(prefix + ".fam");
        lines[1] = "fid1 iid2 iid23 iid34 2";
        File.WriteAllLines(prefix + ".fam", lines);
        var error = Assert.Throws<GenomicsFormatException>(() => PlinkFileset.Open(prefix + ".bed"));
        Assert.Equal((InputErrorKind.Malformed, 2L), (error.Kind, error.Line));
        Assert.StartsWith(prefix + ".fam:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bed_cut_inside_the_header_is_truncated()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("cut.bed");
        File.WriteAllBytes(path, [0x6c, 0x1b]);
        var error = Assert.Throws<GenomicsFormatException>(() => BedReader.Open(path, 3, 4));
        Assert.Equal(InputErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public void Missing_file_of_a_fileset_is_named()
    {
        using var directory = new TemporaryDirectory();
        var prefix = CopyFileset("bed-reader/small", directory);
        File.Delete(prefix + ".bim");
        var error = Assert.Throws<FileNotFoundException>(() => PlinkFileset.Open(prefix));
        Assert.Contains(prefix + ".bim", error.Message, StringComparison.Ordinal);
    }

    private static string CopyFileset(string source, TemporaryDirectory directory)
    {
        var prefix = directory.File("copy");
        foreach (var extension in new[] { ".bed", ".bim", ".fam" })
        {
            File.Copy(PlinkTestData.Path(source + extension), prefix + extension);
        }

        return prefix;
    }
}
