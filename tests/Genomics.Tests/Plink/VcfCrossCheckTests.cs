using Genomics.Genotypes.Kernels;
using Genomics.Plink;
using Genomics.Tests.Genotypes;

namespace Genomics.Tests.Plink;

/// <summary>bio2zarr ships each PLINK fileset with the VCF it corresponds to; every GT must agree.</summary>
public sealed class VcfCrossCheckTests
{
    public static TheoryData<string, SimdLevel> Pairs
    {
        get
        {
            var data = new TheoryData<string, SimdLevel>();
            foreach (var prefix in new[] { "bio2zarr/plink_sim_10s_100v_10pmiss", "bio2zarr/example", "bio2zarr/example_with_fam" })
            {
                foreach (var level in GenotypeKernels.SupportedLevels)
                {
                    data.Add(prefix, level);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Calls_match_the_paired_vcf_by_allele(string prefix, SimdLevel level)
    {
        var vcf = VcfGenotypeTable.Read(PlinkTestData.Path(prefix + ".vcf"));
        using var plink = PlinkFileset.Open(PlinkTestData.Path(prefix));
        Assert.Equal(vcf.Samples, plink.Samples.Select(s => s.IndividualId));
        Assert.Equal(vcf.Sites.Count, plink.VariantCount);

        var decoder = GenotypeKernels.CreateCallDecoder(level);
        var row = new byte[plink.Genotypes.BytesPerVariant];
        var alleles = new sbyte[2 * plink.SampleCount];
        using var variants = plink.OpenVariants();
        var index = 0;
        var compared = 0;
        while (variants.TryRead(out var variant))
        {
            var site = vcf.Sites[index];
            Assert.Equal((site.Chromosome, site.Position), (variant.Chromosome, variant.Position));
            plink.Genotypes.ReadVariants(index, 1, row);
            decoder.Decode(row, alleles);
            for (var sample = 0; sample < plink.SampleCount; sample++)
            {
                Assert.Equal(VcfAlleles(site, sample), PlinkAlleles(variant, alleles[2 * sample], alleles[(2 * sample) + 1]));
                compared++;
            }

            index++;
        }

        Assert.Equal(vcf.Sites.Count * vcf.Samples.Count, compared);
    }

    /// <summary>The call as sorted allele strings, "." for missing: independent of which allele each side calls REF.</summary>
    private static string VcfAlleles(VcfSite site, int sample)
    {
        var gt = site.Genotypes[sample].Split('/', '|');
        return gt.Any(a => a == ".") ? "." : Sorted(gt.Select(a => a == "0" ? site.Ref : site.Alt));
    }

    private static string PlinkAlleles(BimRecord variant, sbyte first, sbyte second) =>
        first < 0 ? "." : Sorted(new[] { first, second }.Select(a => a == 0 ? variant.Ref : variant.Alt));

    private static string Sorted(IEnumerable<string> alleles) => string.Join('/', alleles.Order(StringComparer.Ordinal));
}
