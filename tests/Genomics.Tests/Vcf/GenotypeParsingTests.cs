using System.Text;
using Genomics.Genotypes;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

public sealed class GenotypeParsingTests
{
    [Fact]
    public void Mixed_ploidy_fills_lower_ploidy_calls_with_minus_two()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes([], "C,G", "GT", ["0", "0/1", "0/1/2", "."]));
        var genotypes = batch.Genotypes;
        Assert.Equal(3, genotypes.Ploidy);
        Assert.Equal(new sbyte[] { 0, -2, -2, 0, 1, -2, 0, 1, 2, -1, -2, -2 }, genotypes.GetAlleles(0).ToArray());
        Assert.Equal(3, genotypes.VariantPloidy.Span[0]);
    }

    [Fact]
    public void A_higher_ploidy_later_in_the_batch_widens_the_rows_before_it()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes([], "C", "GT", ["0/1", "1|1"], ["0/0/1", "1"]));
        var genotypes = batch.Genotypes;
        Assert.Equal(3, genotypes.Ploidy);
        Assert.Equal(new sbyte[] { 0, 1, -2, 1, 1, -2 }, genotypes.GetAlleles(0).ToArray());
        Assert.Equal(new sbyte[] { 0, 0, 1, 1, -2, -2 }, genotypes.GetAlleles(1).ToArray());
        Assert.Equal([["0/1", "1|1"], ["0/0/1", "1"]], VcfSnippet.Calls(batch));
        Assert.True(genotypes.IsPhased(0, 1));
        Assert.Equal(new byte[] { 2, 3 }, genotypes.VariantPloidy.ToArray());
    }

    [Theory]
    [InlineData(".", new sbyte[] { -1, -2 }, false)]
    [InlineData("./.", new sbyte[] { -1, -1 }, false)]
    [InlineData(".|.", new sbyte[] { -1, -1 }, true)]
    [InlineData("./1", new sbyte[] { -1, 1 }, false)]
    [InlineData("1|.", new sbyte[] { 1, -1 }, true)]
    [InlineData("0|1/1", new sbyte[] { 0, 1, 1 }, false)]
    [InlineData("0", new sbyte[] { 0, -2 }, false)]
    public void Missing_partial_and_mixed_calls(string gt, sbyte[] alleles, bool phased)
    {
        // A diploid neighbour keeps the row at ploidy 2 at least.
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes([], "C", "GT", [gt, "0/0"]));
        var genotypes = batch.Genotypes;
        Assert.Equal(alleles, genotypes.GetAlleles(0)[..alleles.Length].ToArray());
        Assert.Equal(phased, genotypes.IsPhased(0, 0));
    }

    [Fact]
    public void Rows_can_be_copied_out_at_a_larger_ploidy()
    {
        var genotypes = VcfSnippet.Batch(VcfSnippet.Genotypes([], "C", "GT", ["0", "1|0"])).Genotypes;
        var wide = new sbyte[8];
        genotypes.CopyAlleles(0, 4, wide);
        Assert.Equal(new sbyte[] { 0, -2, -2, -2, 1, 0, -2, -2 }, wide);
        Assert.Throws<ArgumentOutOfRangeException>(() => genotypes.CopyAlleles(0, 1, wide));
    }

    [Fact]
    public void Multi_digit_allele_indexes()
    {
        var alts = string.Join(',', Enumerable.Range(0, 12).Select(i => "A" + new string('C', i + 1)));
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes([], alts, "GT", ["10/12", "0|11"]));
        Assert.Equal(new sbyte[] { 10, 12, 0, 11 }, batch.Genotypes.GetAlleles(0).ToArray());
    }

    [Fact]
    public void An_allele_index_beyond_the_alt_alleles_is_an_error_naming_the_line_and_sample()
    {
        var error = VcfSnippet.Error(VcfSnippet.Genotypes([], "C", "GT", ["0/0", "0/1"], ["0/0", "0/2"]));
        Assert.Equal(InputErrorKind.Malformed, error.Kind);
        Assert.Equal(4, error.Line);
        Assert.Equal("test.vcf:4: sample S1 (column 11): GT '0/2' refers to allele 2, but the site has 1 ALT allele", error.Message);
    }

    [Fact]
    public void An_allele_index_beyond_int8_is_unsupported()
    {
        var alts = string.Join(',', Enumerable.Range(0, 130).Select(i => "A" + new string('C', i + 1)));
        var error = VcfSnippet.Error(VcfSnippet.Genotypes([], alts, "GT", ["0/128"]));
        Assert.Equal(InputErrorKind.Unsupported, error.Kind);
    }

    [Theory]
    [InlineData("0/C")]
    [InlineData("0//1")]
    [InlineData("0/")]
    [InlineData("0.5")]
    [InlineData("/0")]
    [InlineData("")]
    public void Malformed_calls_are_errors(string gt)
    {
        var error = VcfSnippet.Error(VcfSnippet.Genotypes([], "C", "GT:DP", [gt + ":3", "0/0:4"]));
        Assert.Equal(3, error.Line);
        Assert.Contains("sample S0 (column 10): GT", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_with_fewer_fields_than_format_have_nulls_and_format_dot_has_no_calls()
    {
        string[] meta = ["##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">", "##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"q\">"];
        var text = VcfSnippet.File(
            meta,
            ["A", "B"],
            "1\t10\t.\tA\tC\t.\t.\t.\tGT:DP:GQ\t0/1\t1/1:7",
            "1\t20\t.\tA\tC\t.\t.\t.\t.\t.\t.");
        var batch = VcfSnippet.Batch(text);
        Assert.Equal([["0/1", "1/1"], [".", "."]], VcfSnippet.Calls(batch));
        Assert.Equal(new[] { true, false }, batch.Genotypes.HasCalls.ToArray());
        var dp = (IntegerValues)batch.FindFormat("DP")!.List.Values;
        Assert.Equal(new[] { false, true }, dp.Validity.ToArray());
        Assert.Equal(7, dp.GetInt64(1));
        Assert.True(batch.FindFormat("GQ")!.List.Values.Validity.ToArray().All(v => !v));
        Assert.True(batch.FindFormat("DP")!.List.IsNull(1));
    }

    [Fact]
    public void Sites_only_files_have_no_calls()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.File([], [], "1\t10\t.\tA\tC\t.\t.\t.", "1\t20\t.\tA\t.\t.\t.\t."));
        Assert.Equal((2, 0, 0), (batch.Count, batch.SampleCount, batch.Genotypes.Ploidy));
    }

    [Fact]
    public void Symbolic_star_and_breakend_alleles_are_kept_and_called()
    {
        var text = VcfSnippet.File(
            [],
            ["A"],
            "1\t10\t.\tA\t<DEL>,*\t.\t.\t.\tGT\t1/2",
            "1\t20\t.\tA\tA[2:300[,.A\t.\t.\t.\tGT\t0|2",
            "1\t30\t.\tA\t<*>\t.\t.\t.\tGT\t0/1");
        var batch = VcfSnippet.Batch(text);
        var alts = (StringValues)batch.Alts.Values;
        Assert.Equal(["<DEL>", "*", "A[2:300[", ".A", "<*>"], Enumerable.Range(0, alts.Count).Select(alts.GetString));
        Assert.Equal([["1/2"], ["0|2"], ["0/1"]], VcfSnippet.Calls(batch));
    }

    [Fact]
    public void Alt_dot_with_alt_calls_keeps_the_calls_and_warns()
    {
        var (reader, batch) = VcfSnippet.Read(VcfSnippet.Genotypes([], ".", "GT", ["0/1", "0/0"], ["0|1", "1|1"]));
        Assert.Equal([["0/1", "0/0"], ["0|1", "1|1"]], VcfSnippet.Calls(batch));
        Assert.Single(reader.Warnings, w => w.Message.Contains("ALT is '.'", StringComparison.Ordinal));
    }

    [Fact]
    public void Phase_prefixes_follow_vcf_4_4()
    {
        // htslib's test file lacks a final newline, which this reader rejects in plain text; the test adds one.
        var bytes = File.ReadAllBytes(VcfTestData.Path("htslib/vcf44_1.vcf")).Append((byte)'\n').ToArray();
        using var reader = VcfReader.Open(new MemoryStream(bytes), "vcf44_1.vcf");
        var batch = reader.CreateBatch();
        Assert.True(reader.ReadBatch(batch));
        var calls = VcfSnippet.Calls(batch);
        var text = File.ReadAllLines(VcfTestData.Path("htslib/vcf44_1.vcf")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[9..]).ToArray();
        for (var variant = 0; variant < batch.Count; variant++)
        {
            for (var sample = 0; sample < 2; sample++)
            {
                Assert.Equal(ExpectedCall(text[variant][sample]), calls[variant][sample]);
            }
        }
    }

    [Fact]
    public void Phase_prefixes_before_vcf_4_4_are_errors()
    {
        var error = VcfSnippet.Error(VcfSnippet.Genotypes([], "C", "GT", ["/0|1"]));
        Assert.Contains("phase prefix is VCF 4.4", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Biallelic_diploid_sites_also_get_a_packed_row()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(
            [],
            "C",
            "GT",
            ["0/0", "0|1", "1/1", "./.", "./1", "1/0"],
            ["0/0", "0/1", "1", "0/0", "0/0", "0/0"],
            ["0/0", ".", "1/1", "0/1", "0/0", "0/0"]));
        var genotypes = batch.Genotypes;
        Assert.Equal(new[] { true, false, true }, genotypes.IsPacked.ToArray());
        var codes = new[] { PackedGenotypes.HomRefCode, PackedGenotypes.HetCode, PackedGenotypes.HomAltCode, PackedGenotypes.MissingCode, PackedGenotypes.MissingCode, PackedGenotypes.HetCode };
        Assert.Equal(Pack(codes), genotypes.GetPacked(0).ToArray());
        var third = new[] { PackedGenotypes.HomRefCode, PackedGenotypes.MissingCode, PackedGenotypes.HomAltCode, PackedGenotypes.HetCode, PackedGenotypes.HomRefCode, PackedGenotypes.HomRefCode };
        Assert.Equal(Pack(third), genotypes.GetPacked(2).ToArray());
    }

    [Fact]
    public void Multiallelic_sites_have_no_packed_row()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes([], "C,G", "GT", ["0/0", "0/1"]));
        Assert.False(batch.Genotypes.IsPacked.Span[0]);
    }

    private static byte[] Pack(int[] codes)
    {
        var packed = new byte[PackedGenotypes.BytesPerRow(codes.Length)];
        for (var i = 0; i < codes.Length; i++)
        {
            packed[i >> 2] |= (byte)(codes[i] << ((i & 3) << 1));
        }

        return packed;
    }

    // The call as this reader keeps it: alleles joined by '|' when every allele's phase (an explicit prefix included) is '|'.
    private static string ExpectedCall(string written)
    {
        var prefixed = written[0] is '/' or '|';
        var body = prefixed ? written[1..] : written;
        var separators = body.Where(c => c is '/' or '|').ToList();
        var alleles = body.Split('/', '|');
        var phased = separators.Count > 0
            ? separators.All(c => c == '|') && (!prefixed || written[0] == '|')
            : prefixed && written[0] == '|';
        return string.Join(phased ? '|' : '/', alleles);
    }
}
