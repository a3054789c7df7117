using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

public sealed class InfoColumnTests
{
    private static readonly string[] Meta =
    [
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">",
        "##INFO=<ID=AF,Number=A,Type=Float,Description=\"f\">",
        "##INFO=<ID=DB,Number=0,Type=Flag,Description=\"b\">",
        "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"c\">",
        "##INFO=<ID=NOTE,Number=1,Type=String,Description=\"n\">",
        "##INFO=<ID=CH,Number=R,Type=Character,Description=\"h\">",
        "##INFO=<ID=CI,Number=2,Type=Integer,Description=\"i\">",
        "##INFO=<ID=BIG,Number=1,Type=Integer,Description=\"b\">",
    ];

    [Fact]
    public void Values_are_typed_by_the_header_with_scalars_and_lists()
    {
        var batch = VcfSnippet.Batch(Sites(
            ("C,G", "DP=10;AF=0.5,.;DB;CSQ=a|b,c|d;CH=A,C,.;CI=-5,5"),
            ("C", "NOTE=hello world"),
            ("C", ".")));
        var dp = batch.FindInfo("DP")!;
        Assert.NotNull(dp.Scalar);
        Assert.Equal(["10", ".", "."], Scalars(dp));
        var db = batch.FindInfo("DB")!;
        Assert.Equal(["true", "false", "false"], Scalars(db));
        var af = batch.FindInfo("AF")!;
        Assert.Equal(["0.5", "."], List(af, 0));
        Assert.True(af.List!.IsNull(1));
        Assert.Equal(["a|b", "c|d"], List(batch.FindInfo("CSQ")!, 0));
        Assert.Equal(["A", "C", "."], List(batch.FindInfo("CH")!, 0));
        Assert.Equal(["-5", "5"], List(batch.FindInfo("CI")!, 0));
        Assert.Equal([".", "hello world", "."], Scalars(batch.FindInfo("NOTE")!));
    }

    [Fact]
    public void Integers_beyond_32_bits_switch_the_batch_column_to_64_bits()
    {
        var batch = VcfSnippet.Batch(Sites(("C", "BIG=1"), ("C", "BIG=2147483648"), ("C", "BIG=-2147483649")));
        var values = (IntegerValues)batch.FindInfo("BIG")!.Scalar!;
        Assert.True(values.IsInt64);
        Assert.Equal(new long[] { 1, 2147483648, -2147483649 }, values.Int64Values.ToArray());
        Assert.Throws<InvalidOperationException>(() => values.Int32Values);
    }

    [Fact]
    public void The_reader_remembers_which_integer_keys_needed_64_bits()
    {
        using var reader = VcfSnippet.Open(Sites(("C", "BIG=1;DP=3"), ("C", "BIG=5000000000")), new VcfReaderOptions { MaxVariantsPerBatch = 1 });
        var batch = reader.CreateBatch();
        Assert.True(reader.ReadBatch(batch));
        Assert.Empty(reader.Int64Fields);
        Assert.False(((IntegerValues)batch.FindInfo("BIG")!.Values).IsInt64);
        Assert.True(reader.ReadBatch(batch));
        Assert.Equal(["BIG"], reader.Int64Fields.Select(f => f.Id));
    }

    [Fact]
    public void Undeclared_keys_are_kept_as_text_with_one_warning_per_key()
    {
        var (reader, batch) = VcfSnippet.Read(Sites(("C", "XX=1,2;YY"), ("C", "XX=3")));
        Assert.Equal(["1,2", "3"], Scalars(batch.FindInfo("XX")!));
        Assert.Equal(["", "."], Scalars(batch.FindInfo("YY")!));
        Assert.Equal(2, reader.Warnings.Count(w => w.Message.Contains("not declared in the header; its values are kept as strings", StringComparison.Ordinal)));
        Assert.Equal(["DP", "AF", "DB", "CSQ", "NOTE", "CH", "CI", "BIG", "XX", "YY"], reader.InfoFields.Select(f => f.Id));
    }

    [Fact]
    public void A_key_first_seen_in_a_later_batch_gets_a_column_from_then_on()
    {
        using var reader = VcfSnippet.Open(Sites(("C", "DP=1"), ("C", "LATE=x")), new VcfReaderOptions { MaxVariantsPerBatch = 1 });
        var batch = reader.CreateBatch();
        Assert.True(reader.ReadBatch(batch));
        Assert.Null(batch.FindInfo("LATE"));
        Assert.True(reader.ReadBatch(batch));
        Assert.Equal(["x"], Scalars(batch.FindInfo("LATE")!));
        Assert.Equal(["."], Scalars(batch.FindInfo("DP")!));
    }

    [Theory]
    [InlineData("DP=1;DP=2", "INFO lists DP twice")]
    [InlineData("DP=x", "INFO DP: 'x' is not an integer")]
    [InlineData("DP=1,2", "INFO DP has 2 values '1,2'; Number=1 allows one")]
    [InlineData("AF=0.1,0.2", "INFO AF has 2 values '0.1,0.2'; Number=A: one per ALT allele, 1 here")]
    [InlineData("CI=1", "INFO CI has 1 value '1'; Number=2")]
    [InlineData("DB=yes", "INFO DB is a flag but has the value 'yes'")]
    [InlineData("DP", "INFO DP has no value")]
    [InlineData("A B=1", "INFO key 'A B' is empty or contains whitespace")]
    [InlineData("CH=AB,C", "'AB' is not a single character")]
    public void Bad_info_is_an_error_naming_key_and_line(string info, string reason)
    {
        var error = VcfSnippet.Error(Sites(("C", "DP=3"), ("C", info)));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(Meta.Length + 4, error.Line);
    }

    [Fact]
    public void Empty_entries_and_values_hold_nothing()
    {
        var batch = VcfSnippet.Batch(Sites(("C", "DP=;;NOTE=;")));
        Assert.Equal(["."], Scalars(batch.FindInfo("DP")!));
        Assert.Equal([""], Scalars(batch.FindInfo("NOTE")!));
    }

    [Fact]
    public void Reserved_keys_keep_their_value_rules_in_vcf_4_3()
    {
        var error = VcfSnippet.Error(Sites(("C", "AN=-2")));
        Assert.Contains("INFO AN: -2 is negative, which AN cannot be", error.Reason, StringComparison.Ordinal);
    }

    private static string Sites(params (string Alt, string Info)[] sites) =>
        VcfSnippet.File(Meta, [], [.. sites.Select((s, i) => $"1\t{i + 1}\t.\tA\t{s.Alt}\t.\t.\t{s.Info}")]);

    private static string[] Scalars(VcfInfoColumn column) =>
        [.. Enumerable.Range(0, column.Scalar!.Count).Select(i => FormatColumnTests.Render(column.Scalar, i))];

    private static string[] List(VcfInfoColumn column, int variant)
    {
        var (start, length) = column.List!.GetRange(variant).GetOffsetAndLength(column.List.Values.Count);
        return [.. Enumerable.Range(start, length).Select(i => FormatColumnTests.Render(column.List.Values, i))];
    }
}
