using System.Text;
using Genomics.Plink;

namespace Genomics.Tests.Plink;

public sealed class BimReaderTests
{
    [Fact]
    public void Reads_columns_with_a2_as_ref_and_a1_as_alt()
    {
        var variants = BimReader.ReadAll(PlinkTestData.Path("bed-reader/small.bim")).ToList();
        Assert.Equal(4, variants.Count);
        var second = variants[1];
        Assert.Equal(("1", "sid2", 2000.5, 100L, "T", "C"), (second.Chromosome, second.Id, second.CentiMorgans, second.Position, second.Allele1, second.Allele2));
        Assert.Equal(("C", "T"), (second.Ref, second.Alt));
        Assert.Equal("Y", variants[3].Chromosome);
        Assert.Equal(100.4, variants[0].CentiMorgans);
    }

    [Fact]
    public void Multi_base_and_zero_alleles_are_kept_as_written()
    {
        var sim = BimReader.ReadAll(PlinkTestData.Path("bio2zarr/plink_sim_10s_100v_10pmiss.bim")).First();
        Assert.Equal(("CGCGCG", "G"), (sim.Alt, sim.Ref));
        var zero = BimReader.ReadAll(PlinkTestData.Path("pandas-plink/data.bim")).ElementAt(2);
        Assert.Equal(("0", "0"), (zero.Allele1, zero.Allele2));
    }

    [Fact]
    public void Shared_bad_positions_file_fails_at_line_2()
    {
        var path = PlinkTestData.Path("bed-reader/small.bim_bad_positions.bim");
        var error = Assert.Throws<GenomicsFormatException>(() => BimReader.ReadAll(path).ToList());
        Assert.Equal((InputErrorKind.Malformed, 2L, path), (error.Kind, error.Line, error.FilePath));
        Assert.StartsWith(path + ":2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1\trs1\t0\t100.0\tA\tC", "column 4 (base-pair position) '100.0' is not a non-negative integer")]
    [InlineData("1\trs1\t0\t-5\tA\tC", "column 4 (base-pair position) '-5' is not a non-negative integer")]
    [InlineData("1\trs1\t0\t+5\tA\tC", "column 4 (base-pair position) '+5' is not a non-negative integer")]
    [InlineData("1\trs1\tX\t5\tA\tC", "column 3 (centimorgans) 'X' is not a number")]
    [InlineData("1\trs1\t0\t5\tA", "expected 6 whitespace-separated columns (chromosome ID centimorgans position A1 A2), found 5")]
    public void Bad_line_is_malformed_with_file_line_and_reason(string badLine, string reason)
    {
        var text = "1\trs0\t0\t1\tA\tC\n" + badLine + "\n";
        using var reader = new BimReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.bim");
        Assert.True(reader.TryRead(out _));
        var error = Assert.Throws<GenomicsFormatException>(() => reader.TryRead(out _));
        Assert.Equal($"t.bim:2 (byte 14): {reason}", error.Message);
    }

    [Fact]
    public void Positions_beyond_32_bits_are_kept()
    {
        using var reader = new BimReader(new MemoryStream("chr1 big 0 4294967296 A C\n"u8.ToArray()), "big.bim");
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(4294967296L, record.Position);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    public void Count_matches_what_the_reader_would_return(string text, long expected)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("c.bim");
        File.WriteAllText(path, text);
        Assert.Equal(expected, BimReader.CountRecords(path));
    }

    [Fact]
    public void Reading_streams_instead_of_loading_the_file()
    {
        // Ten million lines (about 300 MB) are generated on demand; the first records must arrive after a bounded read.
        using var source = new GeneratedBimStream(10_000_000);
        using var reader = new BimReader(source, "generated.bim");
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(reader.TryRead(out var record));
            Assert.Equal(i + 1, record.Position);
        }

        Assert.True(source.BytesServed < 1 << 20, $"served {source.BytesServed} bytes for 1000 lines");
    }

    [Fact]
    public void Record_built_in_code_is_written_in_plink_form()
    {
        var written = new MemoryStream();
        using (var writer = new BimWriter(written, leaveOpen: true))
        {
            writer.Write(new BimRecord("X", "rs9", 1.25, 2_000_000_000_000, "G", "A"));
        }

        Assert.Equal("X\trs9\t1.25\t2000000000000\tG\tA\n", Encoding.UTF8.GetString(written.ToArray()));
    }
}
