using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

/// <summary>
/// The per-sample fast path (fixed-count numbers written in place) against the general value parser: the same
/// sample columns declared with Number=1/R (fast) and with Number=. (general) must give the same values.
/// </summary>
public sealed class SampleFieldPropertyTests
{
    private static readonly Gen<string> Integer = Gen.Frequency(
        (8, Gen.Choose(0, 99).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Constant(".")),
        (1, Gen.Choose(-5000, -1).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Choose(1_000_000, int.MaxValue).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Elements("00012", "+7", "-0", "12345678", "123456789", "5000000000", "-9000000000")));

    private static readonly Gen<string> Float = Gen.Frequency(
        (6, Gen.Choose(-2000, 2000).Select(i => (i / 100.0).ToString("0.##", CultureInfo.InvariantCulture))),
        (1, Gen.Constant(".")),
        (1, Gen.Elements("1e-3", "NaN", "-inf", "3.4e38", ".5", "7.")));

    private static readonly Arbitrary<string[][]> Rows =
        (from samples in Gen.Choose(1, 12)
         from rows in Gen.Choose(1, 5)
         from cells in Gen.ArrayOf(Gen.ArrayOf(Sample(), samples), rows)
         select cells).ToArbitrary();

    [Fact]
    public void Fixed_count_numbers_read_in_place_equal_the_general_parser()
    {
        Prop.ForAll(Rows, rows =>
        {
            // Every row has one sample with all values present, so Number=. ends with the same values per sample.
            var complete = rows.Select(row => row.Prepend("0/1:1:2,3:0.5").ToArray()).ToArray();
            var fast = Read(complete, "1", "R", "1");
            var general = Read(complete, ".", ".", ".");
            return (fast == general).Label($"fast:\n{fast}\ngeneral:\n{general}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static Gen<string> Sample() =>
        from dp in Integer
        from ad in Gen.ArrayOf(Integer, 2)
        from gl in Float
        from dropped in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        let fields = new[] { "0|1", dp, ad.All(v => v == ".") ? "." : string.Join(',', ad), gl }
        select string.Join(':', fields.Take(4 - dropped));

    private static string Read(string[][] rows, string dpNumber, string adNumber, string glNumber)
    {
        string[] meta =
        [
            $"##FORMAT=<ID=XD,Number={dpNumber},Type=Integer,Description=\"d\">",
            $"##FORMAT=<ID=XA,Number={adNumber},Type=Integer,Description=\"a\">",
            $"##FORMAT=<ID=XL,Number={glNumber},Type=Float,Description=\"g\">",
        ];
        try
        {
            var batch = VcfSnippet.Batch(VcfSnippet.Genotypes(meta, "C", "GT:XD:XA:XL", rows));
            return string.Join('\n', batch.Format.Select(column => string.Join(
                ';',
                Enumerable.Range(0, batch.Count).Select(v => column.ValuesPerSample.Span[v] + ":" + string.Join(',', FormatColumnTests.Values(column, v))))));
        }
        catch (GenomicsFormatException error)
        {
            // The general parser's message names the same sample and value; the Number part differs, so compare up to it.
            return "error: " + error.Reason.Split(';')[0].Replace("Number=1 allows one", "", StringComparison.Ordinal);
        }
    }
}
