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
    private static IEnumerable<string> GoldenNames() =>
        Directory.EnumerateFiles(VcfTestData.Path("golden/plink2-make-bed"), "*.bed").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal);

    /// <summary>Files whose value counts disagree with their Number; converted with the counts check off, as plink2 reads them.</summary>
    private static readonly HashSet<string> Lenient = ["cyvcf2/test-haploidX.vcf"];

    public static TheoryData<string, GenotypeColumn> Goldens
    {
        get
        {
            var data = new TheoryData<string, GenotypeColumn>();
            foreach (var golden in GoldenNames())
            {
                data.Add(golden, GenotypeColumn.Calls);
                if (!WithHaploidCalls.Contains(golden))
                {
                    data.Add(golden, GenotypeColumn.Dosage);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> GoldenFiles => [.. GoldenNames()];

    /// <summary>
    /// Files with haploid calls. The dosage column counts ALT copies (0/1 for a haploid call), while plink2 stores a
    /// haploid call as homozygous; a dosage dataset therefore cannot tell a haploid ALT from a heterozygous call, and
    /// only the calls column exports these files as plink2 does (<see cref="Dosages_equal_plink2_at_every_biallelic_call"/>
    /// checks the dosages themselves).
    /// </summary>
    private static readonly HashSet<string> WithHaploidCalls =
        ["bcftools__convert.vcf", "bcftools__mendelian.vcf", "bcftools__vcf2sex.vcf", "bcftools__view.GT.vcf", "bcftools__view.vcf", "cyvcf2__test-haploidX.vcf", "sim__demo.vcf.gz"];

    /// <summary>
    /// The dosage column against plink2's .bed of the same VCF at every call of every biallelic site: 00 → 2, 10 → 1,
    /// 11 → 0, 01 → null, and a haploid call (one allele in the VCF) → half of plink2's homozygous count.
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Dosages_equal_plink2_at_every_biallelic_call(string golden)
    {
        var vcf = golden.Replace("__", "/", StringComparison.Ordinal);
        using var temp = new TemporaryDirectory();
        var options = new VcfReaderOptions { StrictValueCounts = !Lenient.Contains(vcf), MaxVariantsPerBatch = 5 };
        VcfConverter.Convert(VcfTestData.Path(vcf), temp.File("dosage"), new VcfConversionOptions { Genotypes = GenotypeColumn.Dosage, Reader = options });
        VcfConverter.Convert(VcfTestData.Path(vcf), temp.File("calls"), new VcfConversionOptions { Reader = options });
        var dosage = Genomics.Tests.Conversion.DatasetContents.Read(temp.File("dosage"));
        var calls = Genomics.Tests.Conversion.DatasetContents.Read(temp.File("calls"));
        var n = dosage.Samples.Count;
        var bed = File.ReadAllBytes(VcfTestData.Path($"golden/plink2-make-bed/{golden}.bed"));
        var bytesPerRow = (n + 3) / 4;

        var bedRow = 0;
        var haploidSeen = 0;
        var callRow = -1;
        for (var row = 0; row < dosage.Sites.Count; row++)
        {
            if (row == 0 || dosage.Sites[row].Index != dosage.Sites[row - 1].Index)
            {
                callRow++;
            }

            var index = dosage.Sites[row].Index;
            var split = (row > 0 && dosage.Sites[row - 1].Index == index) || (row + 1 < dosage.Sites.Count && dosage.Sites[row + 1].Index == index);
            if (split || dosage.Sites[row].Alt.Length > 1)
            {
                continue; // a multi-allelic site: plink2 (--max-alleles 2) skipped it
            }

            var call = calls.Calls![callRow];
            var ploidy = n == 0 ? 0 : call.Length / n;
            for (var s = 0; s < n; s++)
            {
                var code = (bed[3 + (bedRow * bytesPerRow) + (s >> 2)] >> ((s & 3) * 2)) & 3;
                sbyte? expected = code switch { 0b00 => 2, 0b10 => 1, 0b11 => 0, _ => null };
                var haploid = ploidy == 1 || (ploidy >= 2 && call[(s * ploidy) + 1] == -2);
                if (haploid && expected is { } copies)
                {
                    expected = (sbyte)(copies / 2);
                    haploidSeen++;
                }

                Assert.True(expected == dosage.Dosages![row][s], $"{vcf} row {row + 1} sample {s + 1}: plink2 code {code}, dosage {dosage.Dosages![row][s]}");
            }

            bedRow++;
        }

        Assert.Equal((bed.Length - 3) / Math.Max(1, bytesPerRow), bedRow);
        Assert.Equal(WithHaploidCalls.Contains(golden), haploidSeen > 0);
    }

    /// <summary>
    /// Either genotype column gives plink2's files: with calls the .bed codes come from the allele indexes, with dosage
    /// (ALT copies, split per ALT) from the dosages, which therefore equal what plink2 reads from the VCF at every
    /// biallelic site.
    /// </summary>
    [Theory]
    [MemberData(nameof(Goldens))]
    public void Dataset_exports_the_files_plink2_makes_from_the_vcf(string golden, GenotypeColumn genotypes)
    {
        var vcf = golden.Replace("__", "/", StringComparison.Ordinal);
        using var temp = new TemporaryDirectory();
        var dataset = temp.File("dataset");
        VcfConverter.Convert(VcfTestData.Path(vcf), dataset, new VcfConversionOptions
        {
            Genotypes = genotypes,
            Reader = new VcfReaderOptions { StrictValueCounts = !Lenient.Contains(vcf), MaxVariantsPerBatch = 5 },
        });
        var prefix = temp.File("out");
        var result = PlinkExporter.Export(dataset, prefix);

        foreach (var ext in new[] { "bed", "bim", "fam" })
        {
            var expected = File.ReadAllBytes(VcfTestData.Path($"golden/plink2-make-bed/{golden}.{ext}"));
            var actual = File.ReadAllBytes($"{prefix}.{ext}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{vcf} ({genotypes}): .{ext} differs from plink2's ({actual.Length} vs {expected.Length} bytes)");
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
