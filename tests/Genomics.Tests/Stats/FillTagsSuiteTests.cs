using System.Globalization;
using Genomics.Stats;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

/// <summary>
/// The expected outputs of bcftools' own fill-tags tests (test/fill-tags-*.out in the bcftools repository), against
/// our summary of the same inputs: AN, AC, AF at every site; NS, AC_Hom and AC_Hemi where no call is partially missing
/// (bcftools reads '0/.' as a hemizygous call with data, the summary as an uncalled diploid call with one REF allele).
/// </summary>
public sealed class FillTagsSuiteTests
{
    [Theory]
    [InlineData("bcftools/fill-tags-hemi.vcf", "bcftools/fill-tags-hemi.1.out")]
    [InlineData("bcftools/fill-tags-AN0.vcf", "bcftools/fill-tags-AN0.out")]
    public void Summary_equals_bcftools_expected_output(string input, string expected)
    {
        var rows = SummaryTable.Run(PlinkTestData.Path(input), new SummaryOptions { Threads = 1 });
        var records = File.ReadAllLines(PlinkTestData.Path(expected)).Where(l => !l.StartsWith('#')).ToList();
        var sites = rows.GroupBy(r => r.VariantIndex).OrderBy(g => g.Key).ToList();
        Assert.Equal(records.Count, sites.Count);
        for (var v = 0; v < records.Count; v++)
        {
            var fields = records[v].Split('\t');
            var info = fields[7].Split(';').Select(kv => kv.Split('=')).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
            var ours = sites[v].OrderBy(r => r.AlleleIndex).ToList();
            var partial = fields.Skip(9).Any(gt => gt.Contains('.', StringComparison.Ordinal) && gt.Any(char.IsDigit));
            var where = $"{expected} record {v + 1}";
            Assert.True(long.Parse(info["AN"], CultureInfo.InvariantCulture) == ours[0].An, where + ": AN");
            var ac = info["AC"].Split(',');
            var af = info["AF"].Split(',');
            var hom = info["AC_Hom"].Split(',');
            var hemi = info["AC_Hemi"].Split(',');
            for (var a = 0; a < ours.Count; a++)
            {
                Assert.True(long.Parse(ac[a], CultureInfo.InvariantCulture) == ours[a].Ac, $"{where} ALT {a + 1}: AC");
                Assert.True(af[a] == "." ? ours[a].Af is null : Math.Abs(double.Parse(af[a], CultureInfo.InvariantCulture) - ours[a].Af!.Value) < 5e-7, $"{where} ALT {a + 1}: AF");
                if (!partial)
                {
                    Assert.True(long.Parse(hom[a], CultureInfo.InvariantCulture) == 2 * ours[a].NHomAlt, $"{where} ALT {a + 1}: AC_Hom");
                    Assert.True(long.Parse(hemi[a], CultureInfo.InvariantCulture) == ours[a].NHemiAlt, $"{where} ALT {a + 1}: AC_Hemi");
                }
            }

            if (!partial)
            {
                Assert.True(long.Parse(info["NS"], CultureInfo.InvariantCulture) == ours[0].NCalled, where + ": NS");
            }
        }
    }
}
