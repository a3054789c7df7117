using System.Globalization;
using Genomics.Stats;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

/// <summary>
/// Our summary of every shared PLINK fileset (and of the 200 × 300 --dummy fileset with chrX/Y/MT, males and five
/// pop cohorts plus two site cohorts) against plink2 --freq, --geno-counts and --hardy, run with --keep per cohort
/// (testdata/golden/regenerate-summary.sh).
/// </summary>
public sealed class Plink2SummaryGoldenTests
{
    private const string Golden = "golden/summary";

    public static TheoryData<string, string> Filesets => new()
    {
        { "summary_dummy", Golden + "/summary_dummy" },
        { "par_hg19_summary_dummy", Golden + "/summary_dummy" },
        { "bed-reader_plink_sim_10s_100v_10pmiss", "bed-reader/plink_sim_10s_100v_10pmiss" },
        { "bed-reader_small", "bed-reader/small" },
        { "bed-reader_some_missing", "bed-reader/some_missing" },
        { "bed-reader_sparse", "bed-reader/sparse" },
        { "bio2zarr_example", "bio2zarr/example" },
        { "bio2zarr_example_with_fam", "bio2zarr/example_with_fam" },
        { "pandas-plink_data", "pandas-plink/data" },
        { "golden_plink2_dummy_n1_m9", "golden/plink2/dummy_n1_m9" },
        { "golden_plink2_dummy_n2_m11", "golden/plink2/dummy_n2_m11" },
        { "golden_plink2_dummy_n3_m17", "golden/plink2/dummy_n3_m17" },
        { "golden_plink2_dummy_n4_m12", "golden/plink2/dummy_n4_m12" },
        { "golden_plink2_dummy_n5_m20", "golden/plink2/dummy_n5_m20" },
        { "golden_plink2_dummy_n7_m13", "golden/plink2/dummy_n7_m13" },
        { "golden_plink2_dummy_n9_m31", "golden/plink2/dummy_n9_m31" },
        { "golden_plink2_dummy_n16_m8", "golden/plink2/dummy_n16_m8" },
        { "golden_plink2_dummy_n33_m40", "golden/plink2/dummy_n33_m40" },
        { "golden_plink2_dummy_n70_m25", "golden/plink2/dummy_n70_m25" },
    };

    [Theory]
    [MemberData(nameof(Filesets))]
    public void Counts_frequencies_and_hwe_equal_plink2_for_every_cohort(string name, string fileset)
    {
        var cohortsFile = PlinkTestData.Path($"{Golden}/{name}.cohorts.tsv");
        var rows = SummaryTable.Run(PlinkTestData.Path(fileset), new SummaryOptions
        {
            CohortsPath = File.Exists(cohortsFile) ? cohortsFile : null,
            Threads = 2,

            // Against plink2 --split-par hg19.
            Par = name.StartsWith("par_hg19_", StringComparison.Ordinal) ? PseudoautosomalRegions.Hg19 : null,
        });
        var goldens = Directory.GetFiles(PlinkTestData.Path($"{Golden}/plink"), name + ".*.gcount");
        Assert.NotEmpty(goldens);
        var variants = rows.Select(r => r.VariantIndex).Distinct().Count();
        foreach (var gcount in goldens)
        {
            var cohort = Path.GetFileName(gcount)[(name.Length + 1)..^".gcount".Length];
            var ours = rows.Where(r => r.Cohort == cohort).ToList();
            Assert.Equal(variants, ours.Count);
            var counts = Table(gcount);
            var freqs = Table(Path.ChangeExtension(gcount, ".afreq"));
            Assert.Equal(ours.Count, counts.Count);
            Assert.Equal(ours.Count, freqs.Count);
            for (var v = 0; v < ours.Count; v++)
            {
                var r = ours[v];
                var c = counts[v];
                var where = $"{cohort} variant {v} ({c["ID"]})";
                // plink2 prints PLINK's missing allele code '0' as '.'.
                Assert.True(c["REF"] == (r.Ref == "0" ? "." : r.Ref) && c["ALT"] == (r.Alt ?? "."), where + ": alleles");
                Assert.True(
                    (Long(c["HOM_REF_CT"]), Long(c["HET_REF_ALT_CTS"]), Long(c["TWO_ALT_GENO_CTS"]), Long(c["HAP_REF_CT"]), Long(c["HAP_ALT_CTS"]), Long(c["MISSING_CT"]))
                    == (r.NHomRef, r.NHet, r.NHomAlt, r.NHemiRef, r.NHemiAlt, r.NMissing),
                    where + ": genotype counts");

                // plink2 --freq counts a heterozygous haploid call as half an ALT in one observation, where
                // --geno-counts (and we) count it missing; the golden itself says how many there were.
                var observed = Long(freqs[v]["OBS_CT"]);
                var diploidCalled = Long(c["HOM_REF_CT"]) + Long(c["HET_REF_ALT_CTS"]) + Long(c["TWO_ALT_GENO_CTS"]);
                var hetHaploid = observed - Long(c["HAP_REF_CT"]) - Long(c["HAP_ALT_CTS"]) - (2 * diploidCalled);
                Assert.True(observed - hetHaploid == r.An, where + ": an vs OBS_CT");
                if (freqs[v]["ALT_FREQS"] is "NA" or "nan")
                {
                    Assert.True(r.Af is null && r.An == 0, where + ": af null");
                    continue;
                }

                var halfCopies = Math.Round(double.Parse(freqs[v]["ALT_FREQS"], CultureInfo.InvariantCulture) * observed * 2);
                Assert.True((long)halfCopies - hetHaploid == 2 * r.Ac, where + $": ac {r.Ac} vs ALT_FREQS × OBS_CT");
                if (hetHaploid == 0)
                {
                    Assert.True(freqs[v]["ALT_FREQS"] == G6(r.Af!.Value), where + $": af {r.Af} vs {freqs[v]["ALT_FREQS"]}");
                }
            }

            CompareHardy(Path.ChangeExtension(gcount, ".hardy"), ours, cohort);
        }
    }

    private static void CompareHardy(string path, List<CohortAlleleSummary> ours, string cohort)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var byId = ours.GroupBy(r => (r.Contig, r.Id)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var compared = 0;
        foreach (var h in Table(path))
        {
            // --split-par names the PAR sites' chromosome PAR1/PAR2; the summary keeps the input's X.
            var chromosome = h["#CHROM"] is "PAR1" or "PAR2" ? "X" : h["#CHROM"];
            if (!byId.TryGetValue((chromosome, h["ID"]), out var r))
            {
                continue;
            }

            var where = $"{cohort} {h["ID"]}";
            Assert.True((Long(h["HOM_A1_CT"]), Long(h["HET_A1_CT"]), Long(h["TWO_AX_CT"])) == (r.NHomRef, r.NHet, r.NHomAlt), where + ": hardy counts");
            // Without any diploid call plink2 prints 1; the summary leaves hwe_p null (undefined), as dataset.md says.
            if (h["P"] == "NA" || r.NHomRef + r.NHet + r.NHomAlt == 0)
            {
                Assert.Null(r.HweP);
                continue;
            }

            var expected = double.Parse(h["P"], CultureInfo.InvariantCulture);
            Assert.True(r.HweP is { } p && Math.Abs(p - expected) <= 5e-6 * expected, $"{where}: hwe_p {r.HweP} vs {h["P"]}");
            compared++;
        }

        Assert.True(compared > 0 || ours.All(r => r.Contig is "X" or "Y" or "MT"), $"{cohort}: no hardy row compared");
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>What plink2 prints: six significant digits, trailing zeros dropped.</summary>
    private static string G6(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Table(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second))];
    }
}
