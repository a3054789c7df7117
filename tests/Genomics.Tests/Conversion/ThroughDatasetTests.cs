using Genomics.Dataset;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>Files with known answers, checked through the dataset: convert, then read the dataset's columns.</summary>
public sealed class ThroughDatasetTests
{
    [Fact]
    public void Some_missing_dosage_equals_bed_reader_val_npy_at_every_value()
    {
        // val.npy: float64 samples × SNPs, the count of the .bim column-5 allele (A1 = our ALT), NaN when missing.
        var expected = NpyMatrix.Read(PlinkTestData.Path("bed-reader/some_missing.val.npy"));
        // A small row-group budget puts the 100 variants into several row groups.
        using var converted = new Converted(PlinkTestData.Path("bed-reader/some_missing"), GenotypeColumn.Dosage, genotypesPerRowGroup: 700);
        var dataset = converted.Read();
        Assert.Equal((100, 100), (expected.Rows, expected.Columns));
        Assert.Equal(expected.Columns, dataset.Dosages!.Count);
        Assert.True(dataset.RowGroups > 1, $"{dataset.RowGroups} row group(s)");

        int compared = 0, missing = 0;
        for (var variant = 0; variant < expected.Columns; variant++)
        {
            var row = dataset.Dosages[variant];
            Assert.Equal(expected.Rows, row.Length);
            for (var sample = 0; sample < expected.Rows; sample++)
            {
                var value = expected[sample, variant];
                var actual = row[sample];
                Assert.True(
                    double.IsNaN(value) ? actual is null : actual == value,
                    $"variant {variant} sample {sample}: val.npy {value}, dataset {actual?.ToString() ?? "null"}");
                missing += actual is null ? 1 : 0;
                compared++;
            }
        }

        Assert.Equal((10_000, 2182), (compared, missing));
    }

    public static TheoryData<string, GenotypeColumn> PairedVcfs => new()
    {
        { "bio2zarr/plink_sim_10s_100v_10pmiss", GenotypeColumn.Dosage },
        { "bio2zarr/plink_sim_10s_100v_10pmiss", GenotypeColumn.Calls },
        { "bio2zarr/example", GenotypeColumn.Dosage },
        { "bio2zarr/example", GenotypeColumn.Calls },
        { "bio2zarr/example_with_fam", GenotypeColumn.Dosage },
        { "bio2zarr/example_with_fam", GenotypeColumn.Calls },
    };

    /// <summary>
    /// bio2zarr's VCF twins write REF = .bim column 6 and ALT = column 5, as the dataset does, so sites compare
    /// as they are and every GT compares as text (calls) or as its count of '1' alleles (dosage).
    /// </summary>
    [Theory]
    [MemberData(nameof(PairedVcfs))]
    public void Bio2zarr_fileset_matches_its_paired_vcf(string prefix, GenotypeColumn genotypes)
    {
        var vcf = VcfGenotypeTable.Read(PlinkTestData.Path(prefix + ".vcf"));
        using var converted = new Converted(PlinkTestData.Path(prefix), genotypes, genotypesPerRowGroup: 64);
        var dataset = converted.Read();
        Assert.Equal(vcf.Samples, dataset.Samples.Select(s => s.SampleId));
        Assert.Equal(vcf.Sites.Count, dataset.Sites.Count);

        var compared = 0;
        for (var v = 0; v < vcf.Sites.Count; v++)
        {
            var (site, ours) = (vcf.Sites[v], dataset.Sites[v]);
            Assert.Equal((site.Chromosome, site.Position, site.Ref, site.Alt), (ours.Contig, ours.Position, ours.Ref, string.Join(',', ours.Alt)));
            for (var s = 0; s < vcf.Samples.Count; s++)
            {
                var gt = site.Genotypes[s];
                if (genotypes == GenotypeColumn.Calls)
                {
                    Assert.Equal(gt, GenotypeText.Call(dataset.Calls![v], s));
                }
                else
                {
                    Assert.Equal(GenotypeText.AltCount(gt), dataset.Dosages![v][s]);
                }

                compared++;
            }
        }

        Assert.Equal(vcf.Sites.Count * vcf.Samples.Count, compared);
    }
}
