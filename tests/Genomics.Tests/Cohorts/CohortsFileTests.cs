using Genomics.Cohorts;

namespace Genomics.Tests.Cohorts;

public sealed class CohortsFileTests
{
    private static CohortsFile Parse(string text) => CohortsFile.Read(new StringReader(text), "pops.tsv");

    private static GenomicsFormatException Fails(string text) => Assert.Throws<GenomicsFormatException>(() => Parse(text));

    [Fact]
    public void Reads_columns_values_and_resolves_cohorts_against_the_data()
    {
        var file = Parse("sample_id\tancestry\tsite\ns1\tEUR\tA\ns2\tAFR\tB\ns3\tEUR\t\ns9\tEAS\tA\n");
        Assert.Equal(["ancestry", "site"], file.Columns);
        Assert.Equal(["AFR", "EAS", "EUR"], file.Values[0]);
        var set = CohortSet.Resolve(file, ["s3", "s1", "s2", "s4"]);
        Assert.Equal(["ALL", "ancestry=AFR", "ancestry=EAS", "ancestry=EUR", "site=A", "site=B"], set.Names);
        Assert.Equal([0, 1, 2, 3], set.Members(0).ToArray());
        Assert.Equal([2], set.Members(1).ToArray());
        Assert.Empty(set.Members(2).ToArray());
        Assert.Equal([0, 1], set.Members(3).ToArray());
        Assert.Equal([1], set.Members(4).ToArray());
        Assert.Equal([0, 3, 4], set.CohortsOf(1).ToArray());
        Assert.Equal([0], set.CohortsOf(3).ToArray());
        Assert.Equal(1, set.ListedButAbsent);
        Assert.Equal(4, set.Listed);
    }

    [Fact]
    public void Same_sample_twice_with_the_same_values_is_accepted_and_crlf_is_tolerated()
    {
        var file = Parse("sample_id\tpop\r\ns1\tA\r\ns1\tA\r\n\r\ns2\tB\r\n");
        Assert.Equal(2, file.SampleCount);
        Assert.Equal("A", file.ValueOf("s1", 0));
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var e = Fails("");
        Assert.Equal(InputErrorKind.NotRecognized, e.Kind);
        Assert.Contains("pops.tsv", e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_without_a_header_is_refused_naming_line_one()
    {
        var e = Fails("s1\tEUR\ns2\tAFR\n");
        Assert.Equal(1, e.Line);
        Assert.Contains("sample_id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_without_sample_id_first_is_refused()
    {
        var e = Fails("pop\tsample_id\nEUR\ts1\n");
        Assert.Contains("must be the first column", e.Message, StringComparison.Ordinal);
        var other = Fails("id\tpop\ns1\tEUR\n");
        Assert.Contains("no header with a 'sample_id' column", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicting_duplicate_names_both_lines()
    {
        var e = Fails("sample_id\tpop\ns1\tEUR\ns2\tAFR\ns1\tAFR\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("lines 2 and 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("'s1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_with_thousands_of_values_is_refused()
    {
        var text = "sample_id\tpop\tid\n" + string.Concat(Enumerable.Range(0, 1500).Select(i => $"s{i}\tP{i % 3}\tX{i}\n"));
        var e = Fails(text);
        Assert.Contains("'id'", e.Message, StringComparison.Ordinal);
        Assert.Contains("more than 1,000", e.Message, StringComparison.Ordinal);
        Assert.Equal(1002, e.Line); // the 1,001st value (X1000) is on line 1,002, after the header
    }

    [Fact]
    public void Line_with_the_wrong_number_of_columns_is_refused()
    {
        var e = Fails("sample_id\tpop\tsite\ns1\tEUR\n");
        Assert.Equal(2, e.Line);
        Assert.Equal(InputErrorKind.Malformed, e.Kind);
    }

    [Fact]
    public void Duplicate_header_column_is_refused()
    {
        Assert.Contains("appears twice", Fails("sample_id\tpop\tpop\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_file_only_all()
    {
        var set = CohortSet.Resolve(null, ["a", "b"]);
        Assert.Equal(["ALL"], set.Names);
        Assert.Equal(2, set.SizeOf(0));
    }
}
