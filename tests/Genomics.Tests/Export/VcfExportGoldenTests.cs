using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Export;
using Genomics.Tests.Plink;
using Genomics.Tests.Vcf;
using Genomics.Vcf;

namespace Genomics.Tests.Export;

/// <summary>
/// VCF → dataset → export-plink against what plink2 writes for the same VCF (`plink2 --vcf F --make-bed --max-alleles 2`,
/// testdata/golden/regenerate-plink2-make-bed.sh): the .bed, .bim and .fam must be byte-identical. Multi-allelic sites
/// are skipped by both. plink2 is not needed to run the tests.
/// </summary>
public sealed class VcfExportGoldenTests
{
    /// <summary>Files whose value counts disagree with their Number; converted with the counts check off, as plink2 reads them.</summary>
    private static readonly HashSet<string> Lenient = ["cyvcf2/test-haploidX.vcf"];

    public static TheoryData<string> Goldens =>
        [.. Directory.EnumerateFiles(VcfTestData.Path("golden/plink2-make-bed"), "*.bed").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Calls_dataset_exports_the_files_plink2_makes_from_the_vcf(string golden)
    {
        var vcf = golden.Replace("__", "/", StringComparison.Ordinal);
        using var temp = new TemporaryDirectory();
        var dataset = temp.File("dataset");
        VcfConverter.Convert(VcfTestData.Path(vcf), dataset, new VcfConversionOptions
        {
            Reader = new VcfReaderOptions { StrictValueCounts = !Lenient.Contains(vcf), MaxVariantsPerBatch = 5 },
        });
        var prefix = temp.File("out");
        var result = PlinkExporter.Export(dataset, prefix);

        foreach (var ext in new[] { "bed", "bim", "fam" })
        {
            var expected = File.ReadAllBytes(VcfTestData.Path($"golden/plink2-make-bed/{golden}.{ext}"));
            var actual = File.ReadAllBytes($"{prefix}.{ext}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{vcf}: .{ext} differs from plink2's ({actual.Length} vs {expected.Length} bytes)");
        }

        Assert.Equal(File.ReadAllLines(VcfTestData.Path($"golden/plink2-make-bed/{golden}.bim")).Length, result.Variants);
    }

    [Fact]
    public void Dosage_dataset_skips_every_alt_row_of_a_multiallelic_site_and_counts_the_site_once()
    {
        using var temp = new TemporaryDirectory();
        var calls = temp.File("calls");
        var dosage = temp.File("dosage");
        var vcf = VcfTestData.Path("sim/demo.vcf.gz");
        VcfConverter.Convert(vcf, calls);
        VcfConverter.Convert(vcf, dosage, new VcfConversionOptions { Genotypes = GenotypeColumn.Dosage, Reader = new VcfReaderOptions { MaxVariantsPerBatch = 64 } });
        var fromCalls = PlinkExporter.Export(calls, temp.File("a"));
        var fromDosage = PlinkExporter.Export(dosage, temp.File("b"));

        Assert.True(fromCalls.SkippedMultiallelic > 0, "the demo file has multi-allelic sites");
        Assert.Equal(fromCalls.SkippedMultiallelic, fromDosage.SkippedMultiallelic);
        Assert.Equal(fromCalls.Variants, fromDosage.Variants);
        Assert.Equal(File.ReadAllBytes(temp.File("a.bim")), File.ReadAllBytes(temp.File("b.bim")));
    }

    [Theory]
    [InlineData("chr1", "1")]
    [InlineData("chrX", "X")]
    [InlineData("CHRx", "X")]
    [InlineData("23", "X")]
    [InlineData("chrM", "MT")]
    [InlineData("M", "MT")]
    [InlineData("26", "MT")]
    [InlineData("chr22", "22")]
    [InlineData("chr23_KI270", "chr23_KI270")]
    [InlineData("01", "01")]
    [InlineData("27", "27")]
    [InlineData("scaffold_9", "scaffold_9")]
    public void Chromosome_names_follow_plink2(string name, string expected) =>
        Assert.Equal(expected, Genomics.Plink.PlinkChromosome.Normalize(name));
}
