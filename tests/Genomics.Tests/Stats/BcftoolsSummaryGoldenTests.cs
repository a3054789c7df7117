using System.Globalization;
using Genomics.Stats;
using Genomics.Tests.Plink;
using Genomics.Vcf;

namespace Genomics.Tests.Stats;

/// <summary>
/// Our summary of the shared VCFs with genotypes against bcftools +fill-tags -S pops (AC, AN, AF, AC_Het, AC_Hom,
/// AC_Hemi, HWE, NS for all samples and per population), goldens from testdata/golden/regenerate-summary.sh.
/// </summary>
public sealed class BcftoolsSummaryGoldenTests
{
    private const string Golden = "golden/summary/vcf";

    public static TheoryData<string> Files
    {
        get
        {
            var root = PlinkTestData.Path(Golden);
            var data = new TheoryData<string>();
            foreach (var tsv in Directory.GetFiles(root, "*.tsv", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pops.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, tsv)[..^".tsv".Length]);
            }

            return data;
        }
    }

    [Fact]
    public void Every_vcf_with_a_golden_is_tested()
    {
        var count = Files.Count;
        Assert.True(count >= 26, $"only {count} bcftools goldens");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Allele_counts_frequencies_and_genotype_counts_equal_bcftools_fill_tags(string vcf)
    {
        using var dir = new TemporaryDirectory();
        var pops = File.ReadAllLines(PlinkTestData.Path($"{Golden}/{vcf}.pops.txt")).Select(l => l.Split('\t')).ToList();
        var cohortsPath = dir.File("cohorts.tsv");
        File.WriteAllLines(cohortsPath, ["sample_id\tpop", .. pops.Select(p => $"{p[0]}\t{p[1]}")]);
        var options = new SummaryOptions
        {
            CohortsPath = cohortsPath,
            Threads = 1,

            // test-haploidX.vcf has AD values that disagree with Number=R; they do not matter to a summary.
            Reader = new VcfReaderOptions { StrictValueCounts = false },
        };
        if (vcf == "bcftools/norm.vcf")
        {
            // The reader refuses ALT 'I' (an old indel notation, not VCF 4.x) where bcftools reads it as text.
            var e = Assert.Throws<GenomicsFormatException>(() => SummaryTable.Run(PlinkTestData.Path(vcf), options));
            Assert.Contains("ALT allele 'I'", e.Message, StringComparison.Ordinal);
            return;
        }

        var rows = SummaryTable.Run(PlinkTestData.Path(vcf), options);
        var kinds = SiteKinds(PlinkTestData.Path(vcf));
        var lines = File.ReadAllLines(PlinkTestData.Path($"{Golden}/{vcf}.tsv"));
        var header = lines[0].TrimStart('#').Split('\t');
        var suffixes = new[] { "" }.Concat(pops.Select(p => p[1]).Distinct().Order(StringComparer.Ordinal).Select(p => "_" + p)).ToArray();
        var bySite = rows.GroupBy(r => r.VariantIndex).OrderBy(g => g.Key).ToList();
        Assert.Equal(lines.Length - 1, bySite.Count);
        var detailed = 0;
        for (var v = 0; v < bySite.Count; v++)
        {
            var golden = header.Zip(lines[v + 1].Split('\t')).ToDictionary(p => p.First, p => p.Second);
            foreach (var suffix in suffixes)
            {
                var cohort = suffix.Length == 0 ? "ALL" : "pop=" + suffix[1..];
                var ours = bySite[v].Where(r => r.Cohort == cohort).OrderBy(r => r.AlleleIndex).ToList();
                var where = $"{vcf} site {v} ({golden["CHROM"]}:{golden["POS"]}) {cohort}";
                if (kinds[v] == Calls.Polyploid)
                {
                    // bcftools +fill-tags counts at most two alleles of a call (a 0/0/0 call gives AN=2); the summary counts them all.
                    Assert.True(Long(golden["AN" + suffix]) <= ours[0].An, $"{where}: AN {golden["AN" + suffix]} vs {ours[0].An}");
                    continue;
                }

                Assert.True(Long(golden["AN" + suffix]) == ours[0].An, $"{where}: AN {golden["AN" + suffix]} vs {ours[0].An}");
                if (golden["ALT"] == ".")
                {
                    continue;
                }

                var ac = List(golden["AC" + suffix]);
                var af = List(golden["AF" + suffix]);
                Assert.Equal(ac.Length, ours.Count);
                for (var a = 0; a < ours.Count; a++)
                {
                    var r = ours[a];
                    Assert.True(Long(ac[a]) == r.Ac, $"{where} ALT {a + 1}: AC {ac[a]} vs {r.Ac}");
                    Assert.True(af[a] == "." ? r.Af is null : Close(r.Af, af[a]), $"{where} ALT {a + 1}: AF {af[a]} vs {r.Af}");
                }

                if (kinds[v] != Calls.Simple)
                {
                    continue;
                }

                // Sites without partially missing or polyploid calls: every genotype class is comparable.
                detailed++;
                Assert.True(Long(golden["NS" + suffix]) == ours[0].NCalled, $"{where}: NS vs n_called");
                var hom = List(golden["AC_Hom" + suffix]);
                var het = List(golden["AC_Het" + suffix]);
                var hemi = List(golden["AC_Hemi" + suffix]);
                for (var a = 0; a < ours.Count; a++)
                {
                    var r = ours[a];
                    Assert.True(Long(hom[a]) == 2 * r.NHomAlt, $"{where} ALT {a + 1}: AC_Hom vs 2 × n_hom_alt");
                    Assert.True(Long(hemi[a]) == r.NHemiAlt, $"{where} ALT {a + 1}: AC_Hemi vs n_hemi_alt");
                    Assert.True(Long(het[a]) == r.Ac - (2 * r.NHomAlt) - r.NHemiAlt, $"{where} ALT {a + 1}: AC_Het vs ac − hom − hemi");
                }

                if (ours.Count == 1 && ours[0].HweP is { } p)
                {
                    Assert.True(Close(p, golden["HWE" + suffix]), $"{where}: HWE {golden["HWE" + suffix]} vs {p}");
                }
            }
        }

        Assert.True(detailed > 0 || kinds.All(k => k == Calls.Polyploid), "no site compared in detail");
    }

    private enum Calls
    {
        /// <summary>Every call haploid or diploid, wholly called or wholly missing.</summary>
        Simple,

        /// <summary>Some call partially missing (./1), which bcftools classifies as hemizygous.</summary>
        Partial,

        /// <summary>Some call of more than two alleles.</summary>
        Polyploid,
    }

    private static Calls[] SiteKinds(string path)
    {
        using var reader = VcfReader.Open(path, new VcfReaderOptions { StrictValueCounts = false });
        var batch = reader.CreateBatch();
        var result = new List<Calls>();
        while (reader.ReadBatch(batch))
        {
            var g = batch.Genotypes;
            for (var v = 0; v < batch.Count; v++)
            {
                var kind = Calls.Simple;
                var row = g.GetAlleles(v);
                for (var s = 0; s < g.SampleCount; s++)
                {
                    var call = row.Slice(s * g.Ploidy, g.Ploidy);
                    var used = call.Length - call.Count((sbyte)-2);
                    var missing = call.Count((sbyte)-1);
                    if (used > 2)
                    {
                        kind = Calls.Polyploid;
                        break;
                    }

                    if (missing != 0 && missing != used)
                    {
                        kind = Calls.Partial;
                    }
                }

                result.Add(kind);
            }
        }

        return [.. result];
    }

    private static string[] List(string value) => value.Split(',');

    private static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);

    // bcftools prints floats with six significant digits.
    private static bool Close(double? ours, string printed)
    {
        var expected = double.Parse(printed, CultureInfo.InvariantCulture);
        return ours is { } x && Math.Abs(x - expected) <= (5e-6 * Math.Abs(expected)) + 1e-300;
    }
}
