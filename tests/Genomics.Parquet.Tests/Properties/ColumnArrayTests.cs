namespace Genomics.Parquet.Tests.Properties;

public class ColumnArrayTests
{
    [Fact]
    public void FromStrings_without_nulls_has_no_validity_mask()
    {
        var a = BinaryArray.FromStrings(["chr1", "", "é"]);
        Assert.Equal(3, a.Length);
        Assert.Null(a.Validity);
        Assert.Equal(0, a.NullCount);
        Assert.Equal(["chr1", "", "é"], Enumerable.Range(0, 3).Select(a.GetString));
    }

    [Fact]
    public void FromStrings_with_nulls_marks_them()
    {
        var a = BinaryArray.FromStrings(["x", null, "y"]);
        Assert.Equal(1, a.NullCount);
        Assert.Equal(["x", null, "y"], Enumerable.Range(0, 3).Select(a.GetString));
    }
}
