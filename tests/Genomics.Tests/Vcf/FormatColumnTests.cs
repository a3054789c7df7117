using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

public sealed class FormatColumnTests
{
    private static readonly string[] Meta =
    [
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">",
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">",
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">",
        "##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"p\">",
        "##FORMAT=<ID=GL,Number=G,Type=Float,Description=\"l\">",
        "##FORMAT=<ID=FT,Number=1,Type=String,Description=\"f\">",
        "##FORMAT=<ID=XS,Number=.,Type=String,Description=\"x\">",
        "##FORMAT=<ID=XC,Number=2,Type=Character,Description=\"c\">",
    ];

    [Fact]
    public void Values_are_flattened_sample_major_with_nulls()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(Meta, "C,G", "GT:DP:AD", ["0/1:5:1,2,3", "1/2:.:4,.,6", "./.:7"]));
        var dp = batch.FindFormat("DP")!;
        Assert.Equal(1, dp.ValuesPerSample.Span[0]);
        Assert.Equal(["5", ".", "7"], Values(dp, 0));
        var ad = batch.FindFormat("AD")!;
        Assert.Equal(3, ad.ValuesPerSample.Span[0]);
        Assert.Equal(["1", "2", "3", "4", ".", "6", ".", ".", "."], Values(ad, 0));
    }

    [Fact]
    public void Genotype_likelihoods_follow_each_calls_ploidy_and_the_row_takes_the_widest()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(Meta, "C", "GT:PL:GL", ["0:0,10:-0.5,-1", "0/1:5,0,20:-1,-0.1,-2", "0/0/1:1,2,3,4:."]));
        var pl = batch.FindFormat("PL")!;
        Assert.Equal(4, pl.ValuesPerSample.Span[0]);
        Assert.Equal(["0", "10", ".", ".", "5", "0", "20", ".", "1", "2", "3", "4"], Values(pl, 0));
        var gl = batch.FindFormat("GL")!;
        Assert.Equal(3, gl.ValuesPerSample.Span[0]);
        Assert.Equal(["-0.5", "-1", ".", "-1", "-0.1", "-2", ".", ".", "."], Values(gl, 0));
    }

    [Fact]
    public void A_genotype_likelihood_count_that_does_not_fit_the_ploidy_is_an_error()
    {
        var error = VcfSnippet.Error(VcfSnippet.Genotypes(Meta, "C", "GT:PL", ["0/1:1,2"]));
        Assert.Equal("sample S0 (column 10): FORMAT PL has 2 values '1,2'; Number=G expects 3 for a ploidy-2 call with 2 alleles", error.Reason);
    }

    [Fact]
    public void Strings_of_any_count_are_placed_per_sample()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(Meta, "C", "GT:FT:XS", ["0/1:PASS:a,bb", "0/0:.:ccc", "1/1:LowQ:d,e,f"], ["0/0:q10:.", "0/0", "0/0:PASS:g"]));
        var xs = batch.FindFormat("XS")!;
        Assert.Equal(new[] { 3, 1 }, xs.ValuesPerSample.ToArray());
        Assert.Equal(["a", "bb", ".", "ccc", ".", ".", "d", "e", "f"], Values(xs, 0));
        Assert.Equal([".", ".", "g"], Values(xs, 1));
        Assert.Equal(["PASS", ".", "LowQ"], Values(batch.FindFormat("FT")!, 0));
    }

    [Fact]
    public void Characters_must_be_single()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(Meta, "C", "GT:XC", ["0/1:a,b"]));
        Assert.Equal(["a", "b"], Values(batch.FindFormat("XC")!, 0));
        var error = VcfSnippet.Error(VcfSnippet.Genotypes(Meta, "C", "GT:XC", ["0/1:a,bc"]));
        Assert.Contains("'bc' is not a single character", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_without_the_key_are_null_lists()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(Meta, "C", "GT:DP", ["0/1:3"]) + "1\t900\t.\tA\tC\t.\t.\t.\tGT\t0/0\n");
        var dp = batch.FindFormat("DP")!;
        Assert.Equal(new[] { true, false }, dp.List.Validity.ToArray());
        Assert.Equal(new[] { 1, 0 }, dp.ValuesPerSample.ToArray());
        Assert.Equal(2, batch.FindFormat("AD")!.List.Count);
    }

    [Fact]
    public void Integers_beyond_32_bits_switch_the_column_to_64_bits()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(Meta, "C", "GT:DP", ["0/1:3", "0/0:42949672950", "0/0:-5"]));
        var dp = (IntegerValues)batch.FindFormat("DP")!.List.Values;
        Assert.True(dp.IsInt64);
        Assert.Equal(new long[] { 3, 42949672950, -5 }, dp.Int64Values.ToArray());
    }

    [Fact]
    public void Undeclared_keys_are_strings_with_one_warning()
    {
        var (reader, batch) = VcfSnippet.Read(VcfSnippet.Genotypes(Meta, "C", "GT:ZZ", ["0/1:x,y"], ["0/0:z"]));
        var zz = batch.FindFormat("ZZ")!;
        Assert.False(zz.Definition.IsDeclared);
        Assert.Equal(VcfValueType.String, zz.Definition.Type);
        Assert.Equal(["x,y"], Values(zz, 0));
        Assert.Single(reader.Warnings, w => w.Message.Contains("FORMAT key 'ZZ' is not declared", StringComparison.Ordinal));
        Assert.Equal(Meta.Length + 3, reader.Warnings.Single(w => w.Message.Contains("'ZZ'", StringComparison.Ordinal)).Line);
    }

    [Fact]
    public void Undeclared_reserved_keys_take_their_vcf_4_3_definition()
    {
        var batch = VcfSnippet.Batch(VcfSnippet.Genotypes([], "C", "GT:GQ:AD", ["0/1:30:4,5"]));
        Assert.Equal(VcfValueType.Integer, batch.FindFormat("GQ")!.Definition.Type);
        Assert.Equal(["4", "5"], Values(batch.FindFormat("AD")!, 0));
    }

    [Fact]
    public void Count_mismatches_are_errors_unless_read_leniently()
    {
        var text = VcfSnippet.Genotypes(Meta, "C", "GT:AD", ["0/1:1,2,3", "0/0:4"]);
        var error = VcfSnippet.Error(text);
        Assert.Equal("sample S0 (column 10): FORMAT AD has 3 values '1,2,3'; Number=R: one per allele, 2 here", error.Reason);
        var (reader, batch) = VcfSnippet.Read(text, new VcfReaderOptions { StrictValueCounts = false });
        Assert.Equal(["1", "2", "3", "4", ".", "."], Values(batch.FindFormat("AD")!, 0));
        Assert.Single(reader.Warnings, w => w.Message.Contains("kept as written", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_values_in_a_number_1_field_are_always_an_error()
    {
        var error = VcfSnippet.Error(VcfSnippet.Genotypes(Meta, "C", "GT:DP", ["0/1:1,2"]), new VcfReaderOptions { StrictValueCounts = false });
        Assert.Contains("Number=1 allows one", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GT:DP", "0/1:x", "FORMAT DP: 'x' is not an integer")]
    [InlineData("GT:GL", "0/1:1,2,zz", "FORMAT GL: 'zz' is not a number")]
    [InlineData("GT:DP:DP", "0/1:1:2", "lists 'DP' twice")]
    [InlineData("DP:GT", "1:0/1", "GT must be the first key")]
    [InlineData("GT:DP", "0/1:1:2", "more ':'-separated fields than FORMAT's 2 keys")]
    public void Bad_sample_values_are_errors(string format, string sample, string reason)
    {
        var error = VcfSnippet.Error(VcfSnippet.Genotypes(Meta, "C", format, [sample]));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    internal static string[] Values(VcfFormatColumn column, int variant)
    {
        var (start, length) = column.List.GetRange(variant).GetOffsetAndLength(column.List.Values.Count);
        return [.. Enumerable.Range(start, length).Select(i => Render(column.List.Values, i))];
    }

    internal static string Render(VcfValues values, int index) => values.IsNull(index)
        ? "."
        : values switch
        {
            IntegerValues integers => integers.GetInt64(index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FloatValues floats => floats.Values.Span[index].ToString(System.Globalization.CultureInfo.InvariantCulture),
            BooleanValues flags => flags.Values.Span[index] ? "true" : "false",
            StringValues strings => strings.GetString(index)!,
            _ => "?",
        };
}
