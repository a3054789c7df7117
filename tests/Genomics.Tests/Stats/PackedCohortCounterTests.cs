using FsCheck;
using FsCheck.Fluent;
using Genomics.Cohorts;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Plink;
using Genomics.Stats;
using Genomics.Stats.Kernels;
using Genomics.Tests.Genotypes;

namespace Genomics.Tests.Stats;

public sealed class PackedCohortCounterTests
{
    /// <summary>A random row, random sexes, a random cohorts file over the samples, and a site kind.</summary>
    internal sealed record Case(int SampleCount, byte[] Row, PlinkSex[] Sexes, string CohortsText, SiteKind Kind)
    {
        public override string ToString() => $"N={SampleCount} kind={Kind} row=[{Convert.ToHexString(Row)}] sexes=[{string.Join(',', Sexes.Select(s => (int)s))}]\n{CohortsText}";
    }

    internal static Arbitrary<Case> Cases { get; } =
        (from n in GenotypeGenerators.SampleCounts
        from row in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), PackedGenotypes.BytesPerRow(n))
        from sexes in Gen.ArrayOf(Gen.Elements(PlinkSex.Male, PlinkSex.Female, PlinkSex.Unknown), n)
        from pop in Gen.ArrayOf(Gen.Elements("", "A", "B", "C"), n)
        from site in Gen.ArrayOf(Gen.Elements("x", "y"), n)
        from kind in Gen.Elements(Enum.GetValues<SiteKind>())
        select new Case(n, row, sexes, CohortsText(pop, site), kind)).ToArbitrary();

    public static TheoryData<SimdLevel> Levels
    {
        get
        {
            var data = new TheoryData<SimdLevel>();
            foreach (var level in CohortCodeKernels.SupportedLevels)
            {
                data.Add(level);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Packed_counts_equal_the_per_genotype_reference(SimdLevel level)
    {
        var kernel = CohortCodeKernels.Create(level);
        Prop.ForAll(Cases, c =>
        {
            var ids = Enumerable.Range(0, c.SampleCount).Select(i => $"s{i}").ToArray();
            var cohorts = CohortSet.Resolve(CohortsFile.Read(new StringReader(c.CohortsText), "c.tsv"), ids);
            var ploidy = new PloidyModel(c.Sexes, null);
            var expected = new AlleleTally[cohorts.Count];
            var wide = new sbyte[c.SampleCount * 2];
            PackedCalls.ToWide(c.Row, c.SampleCount, s => ploidy.ClassOf(c.Kind, s), wide);
            if (c.SampleCount > 0)
            {
                WideCallCounter.Count(wide, 2, 1, cohorts, expected);
            }

            var actual = new AlleleTally[cohorts.Count];
            new PackedCohortCounter(new CohortMasks(cohorts, ploidy), kernel).Count(c.Row, c.Kind, actual);
            return expected.AsSpan().SequenceEqual(actual);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reference_counts_a_hand_made_site()
    {
        // Diploid 0/0, 0/1, 1/1, ./1 (partial: counts its ALT), ./.; haploid 1, 0, .; triploid 0/1/1; multi-allelic 1/2.
        sbyte[] alleles = [0, 0, -2, 0, 1, -2, 1, 1, -2, -1, 1, -2, -1, -1, -2, 1, -2, -2, 0, -2, -2, -1, -2, -2, 0, 1, 1, 1, 2, -2];
        var cohorts = CohortSet.AllOnly(10);
        var t = new AlleleTally[1];
        WideCallCounter.Count(alleles, 3, 1, cohorts, t);
        var a = t[0];
        Assert.Equal(10, a.Samples);
        Assert.Equal(7, a.Called); // all but ./1, ./., .
        Assert.Equal((1L, 1L, 1L, 1L, 1L), (a.HomRef, a.Het, a.HomAlt, a.HemiRef, a.HemiAlt));
        Assert.Equal(1 + 2 + 1 + 1 + 2 + 1, a.AlleleCount);
        Assert.Equal(2 + 2 + 2 + 1 + 0 + 1 + 1 + 0 + 3 + 2, a.AlleleNumber);
        Assert.Equal(6, a.Carriers);
        var second = new AlleleTally[1];
        WideCallCounter.Count(alleles, 3, 2, cohorts, second);
        Assert.Equal((1L, 0L, 0L, 1L), (second[0].AlleleCount, second[0].Het, second[0].HomAlt, second[0].Carriers));
    }

    [Fact]
    public void Y_counts_only_males_and_mt_reads_hets_as_missing()
    {
        // Four samples, all heterozygous (code 10): male, female, unknown, male.
        byte[] row = [0b10_10_10_10];
        var cohorts = CohortSet.AllOnly(4);
        var ploidy = new PloidyModel([PlinkSex.Male, PlinkSex.Female, PlinkSex.Unknown, PlinkSex.Male], null);
        var counter = new PackedCohortCounter(new CohortMasks(cohorts, ploidy));
        var y = new AlleleTally[1];
        counter.Count(row, SiteKind.Y, y);
        Assert.Equal((2L, 0L, 2L), (y[0].Samples, y[0].Called, y[0].Missing));
        var x = new AlleleTally[1];
        counter.Count(row, SiteKind.XNonPar, x);
        Assert.Equal((4L, 2L, 2L, 2L, 4L), (x[0].Samples, x[0].Called, x[0].Het, x[0].AlleleCount, x[0].AlleleNumber));
        var mt = new AlleleTally[1];
        counter.Count(row, SiteKind.Mitochondrial, mt);
        Assert.Equal((4L, 0L, 0L), (mt[0].Samples, mt[0].Called, mt[0].AlleleNumber));
    }

    [Fact]
    public void Par_boundaries_make_chrX_diploid_inside()
    {
        var model = new PloidyModel([PlinkSex.Male], PseudoautosomalRegions.Hg19);
        Assert.Equal(SiteKind.Diploid, model.KindOf("X", 60_001));
        Assert.Equal(SiteKind.Diploid, model.KindOf("chrX", 2_699_520));
        Assert.Equal(SiteKind.XNonPar, model.KindOf("23", 2_699_521));
        Assert.Equal(SiteKind.Diploid, model.KindOf("X", 155_260_560));
        Assert.Equal(SiteKind.Diploid, model.KindOf("XY", 5_000_000));
        Assert.Equal(SiteKind.XNonPar, new PloidyModel([], null).KindOf("X", 100_000));
        Assert.Equal(SiteKind.Y, model.KindOf("chrY", 1));
        Assert.Equal(SiteKind.Mitochondrial, model.KindOf("chrM", 1));
        Assert.Equal(SiteKind.XNonPar, new PloidyModel([], PseudoautosomalRegions.Hg38).KindOf("X", 60_000_000));
    }

    private static string CohortsText(string[] pop, string[] site)
    {
        var lines = new List<string> { "sample_id\tpop\tsite" };
        for (var s = 0; s < pop.Length; s++)
        {
            // Every third sample unlisted: it belongs to ALL only.
            if (s % 3 != 2)
            {
                lines.Add($"s{s}\t{pop[s]}\t{site[s]}");
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
