using System.Globalization;
using System.Text.RegularExpressions;
using Genomics.Dataset;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>
/// The plink2 --dummy filesets in testdata/golden/plink2/ against what plink2 itself read from them (see the
/// README there and regenerate-plink2.sh): every dosage against --export A, every call against --export vcf.
/// </summary>
public sealed partial class Plink2GoldenTests
{
    [Fact]
    public void Goldens_cover_several_sample_counts_including_ones_not_divisible_by_four()
    {
        var counts = TestFilesets.Golden.Select(p => File.ReadLines(TestFilesets.PathOf(p) + ".fam").Count()).ToList();
        Assert.True(TestFilesets.Golden.Count >= 8, string.Join(", ", TestFilesets.Golden));
        Assert.Contains(counts, n => n % 4 != 0);
        Assert.Contains(counts, n => n % 4 == 0);
        Assert.Contains(counts, n => n == 1);
    }

    [Theory]
    [MemberData(nameof(TestFilesets.GoldenData), MemberType = typeof(TestFilesets))]
    public void Dosage_equals_plink2_export_A(string prefix)
    {
        var lines = File.ReadAllLines(TestFilesets.PathOf(prefix) + ".raw");
        var header = lines[0].Split('\t');
        Assert.Equal(["FID", "IID", "PAT", "MAT", "SEX", "PHENOTYPE"], header[..6]);
        using var converted = new Converted(TestFilesets.PathOf(prefix), GenotypeColumn.Dosage, genotypesPerRowGroup: 50);
        var dataset = converted.Read();
        Assert.Equal(header.Length - 6, dataset.Sites.Count);
        Assert.Equal(lines.Length - 1, dataset.Samples.Count);

        // Column names are ID_COUNTED(/OTHER): the golden must count our ALT, the other allele being our REF.
        for (var v = 0; v < dataset.Sites.Count; v++)
        {
            var column = RawColumn().Match(header[6 + v]);
            Assert.True(column.Success, header[6 + v]);
            var site = dataset.Sites[v];
            Assert.Equal((column.Groups[1].Value, column.Groups[2].Value, column.Groups[3].Value), (site.Id, Assert.Single(site.Alt), site.Ref));
        }

        int compared = 0, missing = 0;
        for (var s = 0; s < dataset.Samples.Count; s++)
        {
            var fields = lines[s + 1].Split('\t');
            Assert.Equal(fields[1], dataset.Samples[s].SampleId);
            for (var v = 0; v < dataset.Sites.Count; v++)
            {
                var expected = fields[6 + v] == "NA" ? (sbyte?)null : sbyte.Parse(fields[6 + v], CultureInfo.InvariantCulture);
                Assert.True(expected == dataset.Dosages![v][s], $"sample {fields[1]} variant {header[6 + v]}: plink2 {fields[6 + v]}, dataset {dataset.Dosages[v][s]?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
                missing += expected is null ? 1 : 0;
                compared++;
            }
        }

        Assert.Equal(dataset.Samples.Count * dataset.Sites.Count, compared);
        Assert.True(missing > 0, $"{prefix}: the golden has no missing call");
    }

    [Theory]
    [MemberData(nameof(TestFilesets.GoldenData), MemberType = typeof(TestFilesets))]
    public void Calls_equal_plink2_export_vcf(string prefix)
    {
        var vcf = VcfGenotypeTable.Read(TestFilesets.PathOf(prefix) + ".vcf");
        var ids = File.ReadLines(TestFilesets.PathOf(prefix) + ".vcf").First(l => l.StartsWith("#CHROM", StringComparison.Ordinal)).Split('\t');
        using var converted = new Converted(TestFilesets.PathOf(prefix), GenotypeColumn.Calls, genotypesPerRowGroup: 50);
        var dataset = converted.Read();
        Assert.Equal(vcf.Samples, dataset.Samples.Select(s => s.SampleId));
        Assert.Equal(vcf.Sites.Count, dataset.Sites.Count);
        var compared = 0;
        for (var v = 0; v < vcf.Sites.Count; v++)
        {
            var (site, ours) = (vcf.Sites[v], dataset.Sites[v]);
            Assert.Equal((site.Chromosome, site.Position, site.Ref, site.Alt), (ours.Contig, ours.Position, ours.Ref, string.Join(',', ours.Alt)));
            Assert.Equal(2 * vcf.Samples.Count, dataset.Calls![v].Length);
            for (var s = 0; s < vcf.Samples.Count; s++)
            {
                Assert.Equal(site.Genotypes[s], GenotypeText.Call(dataset.Calls[v], s));
                compared++;
            }
        }

        Assert.Equal(vcf.Sites.Count * vcf.Samples.Count, compared);
        Assert.Equal(9 + vcf.Samples.Count, ids.Length);
    }

    [GeneratedRegex(@"^(.+)_([^_()/]+)\(/([^()/]+)\)$")]
    private static partial Regex RawColumn();
}
