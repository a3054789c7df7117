using System.Globalization;
using Genomics.Dataset;

namespace Genomics.Tests.Conversion;

/// <summary>The dataset's site and sample columns against the .bim/.fam text of every fileset in testdata/.</summary>
public sealed class SiteColumnTests
{
    [Theory]
    [MemberData(nameof(TestFilesets.ReadableData), MemberType = typeof(TestFilesets))]
    public void Site_columns_equal_the_bim(string prefix)
    {
        var bim = PlinkText.Rows(TestFilesets.PathOf(prefix) + ".bim");
        using var converted = new Converted(TestFilesets.PathOf(prefix), GenotypeColumn.Dosage, genotypesPerRowGroup: 40);
        var dataset = converted.Read();
        Assert.Equal(bim.Length, dataset.Sites.Count);
        Assert.Equal(bim.Length, dataset.Manifest.VariantCount);
        for (var v = 0; v < bim.Length; v++)
        {
            // chromosome, ID, cM, position, A1 (ALT), A2 (REF); '.' ID → null, A1 '0' or '.' (no allele, as plink1.9
            // and plink2 write it) → no ALT.
            var line = bim[v];
            var site = dataset.Sites[v];
            Assert.Equal(v, site.Index);
            Assert.Equal(line[0], site.Contig);
            Assert.Equal(line[1] == "." ? null : line[1], site.Id);
            Assert.Equal(double.Parse(line[2], CultureInfo.InvariantCulture), site.CentiMorgans);
            Assert.Equal(long.Parse(line[3], CultureInfo.InvariantCulture), site.Position);
            Assert.Equal(line[4] is "0" or "." ? [] : [line[4]], site.Alt);
            Assert.Equal(line[5], site.Ref);
        }
    }

    [Theory]
    [MemberData(nameof(TestFilesets.ReadableData), MemberType = typeof(TestFilesets))]
    public void Sample_columns_equal_the_fam(string prefix)
    {
        var fam = PlinkText.Rows(TestFilesets.PathOf(prefix) + ".fam");
        using var converted = new Converted(TestFilesets.PathOf(prefix), GenotypeColumn.Calls);
        var dataset = converted.Read();
        Assert.Equal(fam.Length, dataset.Samples.Count);
        Assert.Equal(fam.Length, dataset.Manifest.SampleCount);
        for (var i = 0; i < fam.Length; i++)
        {
            // FID IID father mother sex phenotype: '0' IDs → null, sex 1/2 else 0, phenotype -9/0/NA → null.
            var line = fam[i];
            var expected = new DatasetSample(
                i,
                line[1],
                ZeroAsNull(line[0]),
                ZeroAsNull(line[2]),
                ZeroAsNull(line[3]),
                line[4] switch { "1" => 1, "2" => 2, _ => 0 },
                line[5] is "-9" or "0" or "NA" ? null : line[5]);
            Assert.Equal(expected, dataset.Samples[i]);
        }
    }

    private static string? ZeroAsNull(string column) => column == "0" ? null : column;
}
