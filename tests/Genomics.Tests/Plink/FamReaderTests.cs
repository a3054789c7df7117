using System.Text;
using Genomics.Plink;

namespace Genomics.Tests.Plink;

public sealed class FamReaderTests
{
    [Fact]
    public void Reads_ids_parents_sex_and_text_phenotype()
    {
        var samples = FamReader.Read(PlinkTestData.Path("bed-reader/small.fam"));
        Assert.Equal(3, samples.Count);
        var first = samples[0];
        Assert.Equal("fid1", first.FamilyId);
        Assert.Equal("iid1", first.IndividualId);
        Assert.Equal("iid23", first.FatherId);
        Assert.Equal("iid34", first.MotherId);
        Assert.Equal(PlinkSex.Male, first.Sex);
        Assert.Equal("red", first.Phenotype);
        Assert.Equal(PlinkSex.Female, samples[1].Sex);
        Assert.Equal(PlinkSex.Unknown, samples[2].Sex);
        Assert.Equal("blue", samples[2].Phenotype);
        Assert.Equal(new SourceLine("fid1 iid1 iid23 iid34 1 red", "\n"), first.Source);
    }

    [Fact]
    public void Sex_codes_other_than_1_and_2_are_unknown()
    {
        var samples = FamReader.Read(PlinkTestData.Path("bed-reader/smallmode0.fam"));
        Assert.Equal("3", samples[3].Source!.Text.Split(' ')[4]);
        Assert.Equal(PlinkSex.Unknown, samples[3].Sex);
    }

    [Theory]
    [InlineData("bio2zarr/plink_sim_10s_100v_10pmiss.fam", 0)] // 'NA'
    [InlineData("bio2zarr/example.fam", 0)] // '-9'
    [InlineData("bed-reader/some_missing.fam", 0)] // '0'
    public void Missing_phenotype_forms_are_null(string file, int sample) =>
        Assert.Null(FamReader.Read(PlinkTestData.Path(file))[sample].Phenotype);

    [Fact]
    public void Zero_ids_are_null_and_real_parents_are_kept()
    {
        var plain = FamReader.Read(PlinkTestData.Path("bio2zarr/plink_sim_10s_100v_10pmiss.fam"))[0];
        Assert.Null(plain.FamilyId);
        Assert.Null(plain.FatherId);
        Assert.Null(plain.MotherId);
        Assert.Equal("000", plain.IndividualId);

        var child = FamReader.Read(PlinkTestData.Path("bio2zarr/example_with_fam.fam"))[2];
        Assert.Equal(("ind1", "ind0", PlinkSex.Female, "1"), (child.FatherId, child.MotherId, child.Sex, child.Phenotype));
    }

    [Theory]
    [InlineData("a b c d e\n", 1, 5)]
    [InlineData("a b c d e f\na b c d e f g\n", 2, 7)]
    [InlineData("a b c d e f\n\n", 2, 0)]
    public void Line_without_six_columns_is_malformed_with_file_and_line(string text, long line, int found)
    {
        var error = Assert.Throws<GenomicsFormatException>(() => FamReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.fam"));
        Assert.Equal(InputErrorKind.Malformed, error.Kind);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"x.fam:{line}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"found {found}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_column_file_on_disk_names_the_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("five.fam");
        File.WriteAllText(path, "f1 i1 0 0 1 -9\nf1 i2 0 0 2\n");
        var error = Assert.Throws<GenomicsFormatException>(() => FamReader.Read(path));
        Assert.Equal((InputErrorKind.Malformed, 2L, path), (error.Kind, error.Line, error.FilePath));
        Assert.StartsWith(path + ":2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_utf8_text_is_malformed()
    {
        var error = Assert.Throws<GenomicsFormatException>(() => FamReader.Read(new MemoryStream([(byte)'a', 0xff, (byte)' ', (byte)'b']), "bin.fam"));
        Assert.Equal((InputErrorKind.Malformed, 1L), (error.Kind, error.Line));
    }

    [Fact]
    public void Tabs_crlf_and_a_missing_final_newline_are_written_back_exactly()
    {
        var original = "F1\tI1  0 0\t1 2.5\r\nF1 I2 0 0 2 case\n\tF2 I3 I1 I2 0 -9"u8.ToArray();
        var samples = FamReader.Read(new MemoryStream(original), "mixed.fam");
        Assert.Equal(["I1", "I2", "I3"], samples.Select(s => s.IndividualId));
        Assert.Equal("\r\n", samples[0].Source!.Terminator);
        Assert.Equal(string.Empty, samples[2].Source!.Terminator);
        var written = new MemoryStream();
        FamWriter.Write(written, samples);
        Assert.Equal(original, written.ToArray());
    }

    [Fact]
    public void Record_built_in_code_is_written_in_plink_form()
    {
        var written = new MemoryStream();
        FamWriter.Write(written, [new FamRecord(null, "s1", null, "m1", PlinkSex.Female, null)]);
        Assert.Equal("0 s1 0 m1 2 -9\n", Encoding.UTF8.GetString(written.ToArray()));
    }
}
