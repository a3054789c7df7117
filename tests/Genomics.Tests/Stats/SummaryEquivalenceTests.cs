using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Stats;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

/// <summary>The same summary whatever form the genotypes come in: VCF, .bed, a dataset of either, or convert --cohorts.</summary>
public sealed class SummaryEquivalenceTests
{
    private const string Dummy = "golden/summary/summary_dummy";

    private static string Cohorts => PlinkTestData.Path(Dummy + ".cohorts.tsv");

    private static SummaryOptions WithCohorts => new() { CohortsPath = Cohorts, Threads = 2 };

    [Fact]
    public void Bed_and_its_dataset_give_the_same_rows()
    {
        using var dir = new TemporaryDirectory();
        var dataset = dir.File("ds");
        PlinkConverter.Convert(PlinkTestData.Path(Dummy), dataset);
        var fromBed = SummaryTable.Run(PlinkTestData.Path(Dummy), WithCohorts);
        Assert.Equal(300 * 8, fromBed.Count);
        Assert.Equal(fromBed, SummaryTable.Run(dataset, WithCohorts));

        // The calls column (two alleles per sample) goes through the same ploidy rules.
        var calls = dir.File("calls");
        PlinkConverter.Convert(PlinkTestData.Path(Dummy), calls, new PlinkConversionOptions { Genotypes = GenotypeColumn.Calls });
        Assert.Equal(fromBed, SummaryTable.Run(calls, WithCohorts));
    }

    [Fact]
    public void Vcf_and_bed_agree_on_autosomes_and_vcf_equals_its_dataset_everywhere()
    {
        using var dir = new TemporaryDirectory();
        var vcf = PlinkTestData.Path(Dummy + ".vcf");
        var fromVcf = SummaryTable.Run(vcf, WithCohorts);
        var fromBed = SummaryTable.Run(PlinkTestData.Path(Dummy), WithCohorts);

        // plink2 exports a male's heterozygous chrX/Y/MT call as a diploid 0/1 and writes female chrY calls, so only
        // the autosomes hold the same calls in both files.
        static bool Autosome(CohortAlleleSummary r) => r.Contig is not ("X" or "Y" or "MT");
        var autosomal = fromBed.Where(Autosome).ToList();
        Assert.Equal(200 * 8, autosomal.Count);
        Assert.Equal(autosomal, fromVcf.Where(Autosome).ToList());

        var dataset = dir.File("ds");
        VcfConverter.Convert(vcf, dataset);
        Assert.Equal(fromVcf, SummaryTable.Run(dataset, WithCohorts));

        // A dosage dataset keeps ALT counts only, no ploidy: equal where every call is diploid.
        var dosages = dir.File("dosage");
        VcfConverter.Convert(vcf, dosages, new VcfConversionOptions { Genotypes = GenotypeColumn.Dosage });
        Assert.Equal(autosomal, SummaryTable.Run(dosages, WithCohorts).Where(Autosome).ToList());
    }

    [Fact]
    public void Vcf_with_multiallelic_and_haploid_sites_equals_its_calls_dataset()
    {
        using var dir = new TemporaryDirectory();
        var vcf = PlinkTestData.Path("sim/demo.vcf.gz");
        var dataset = dir.File("ds");
        VcfConverter.Convert(vcf, dataset);
        var fromVcf = SummaryTable.Run(vcf);
        Assert.Contains(fromVcf, r => r.AlleleIndex == 2);
        Assert.Contains(fromVcf, r => r.NHemiAlt > 0);
        Assert.Equal(fromVcf, SummaryTable.Run(dataset));
    }

    [Fact]
    public void Convert_with_cohorts_writes_the_summary_summarize_writes()
    {
        using var dir = new TemporaryDirectory();
        var dataset = dir.File("ds");
        PlinkConverter.Convert(PlinkTestData.Path(Dummy), dataset, new PlinkConversionOptions { Summary = new SummaryRequest(Cohorts) });
        var separate = dir.File("separate.parquet");
        Summarizer.Run(PlinkTestData.Path(Dummy), separate, WithCohorts);
        using var inside = ParquetFileReader.Open(Path.Combine(dataset, DatasetSummary.FileName));
        using var alone = ParquetFileReader.Open(separate);
        Assert.Equal("controlled", inside.KeyValueMetadata["genomics.tier"]);
        Assert.Equal(DatasetManifest.CurrentSchemaVersion, inside.KeyValueMetadata["genomics.schema_version"]);
        Assert.StartsWith("plink1.9:", inside.KeyValueMetadata["genomics.source"], StringComparison.Ordinal);
        Assert.Contains("genomics.created_by", inside.KeyValueMetadata.Keys);
        Assert.Equal(SummaryWriter.ColumnNames, inside.Schema.Fields.Select(f => f.Name));
        Assert.Equal(2400, inside.RowCount);
        for (var c = 0; c < inside.Schema.Fields.Count; c++)
        {
            Assert.Equal(Values(alone.ReadColumn(0, c)), Values(inside.ReadColumn(0, c)));
        }

        Assert.Equal(2400, DatasetReader.Open(dataset).Manifest.Tables["summary"].Rows);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(separate));
        }
    }

    [Fact]
    public void A_bad_cohorts_file_leaves_no_output()
    {
        using var dir = new TemporaryDirectory();
        var cohorts = dir.File("bad.tsv");
        File.WriteAllText(cohorts, "sample_id\tpop\nper0\tA\nper0\tB\n");
        var output = dir.File("summary.parquet");
        var e = Assert.Throws<GenomicsFormatException>(() => Summarizer.Run(PlinkTestData.Path(Dummy), output, new SummaryOptions { CohortsPath = cohorts }));
        Assert.Contains("lines 2 and 3", e.Message, StringComparison.Ordinal);
        Assert.Equal([cohorts], Directory.GetFileSystemEntries(dir.FullPath));

        var dataset = dir.File("ds");
        Assert.Throws<GenomicsFormatException>(() => PlinkConverter.Convert(PlinkTestData.Path(Dummy), dataset, new PlinkConversionOptions { Summary = new SummaryRequest(cohorts) }));
        Assert.Equal([cohorts], Directory.GetFileSystemEntries(dir.FullPath));
    }

    [Fact]
    public void Sex_from_a_cohorts_column_replaces_the_fam_sexes()
    {
        using var dir = new TemporaryDirectory();
        var cohorts = dir.File("sex.tsv");

        // Everyone female: chrX becomes diploid for all, chrY counts nobody.
        var ids = File.ReadAllLines(PlinkTestData.Path(Dummy + ".fam")).Select(l => l.Split(' ')[1]);
        File.WriteAllLines(cohorts, ["sample_id\tsex", .. ids.Select(id => id + "\tF")]);
        var rows = SummaryTable.Run(PlinkTestData.Path(Dummy), new SummaryOptions { CohortsPath = cohorts, SexFrom = "sex", Threads = 1 });
        Assert.All(rows.Where(r => r.Contig == "X"), r => Assert.Equal(0, r.NHemiRef + r.NHemiAlt));
        Assert.All(rows.Where(r => r.Contig == "Y"), r => Assert.Equal(0, r.NSamples));
        Assert.Contains(rows, r => r.Contig == "X" && r.NHet > 0);
    }

    private static object?[] Values(ColumnArray column) => column switch
    {
        PrimitiveArray<long> p => [.. Enumerable.Range(0, p.Length).Select(i => p.IsValid(i) ? (object?)p.Values.Span[i] : null)],
        PrimitiveArray<int> p => [.. Enumerable.Range(0, p.Length).Select(i => p.IsValid(i) ? (object?)p.Values.Span[i] : null)],
        PrimitiveArray<double> p => [.. Enumerable.Range(0, p.Length).Select(i => p.IsValid(i) ? (object?)p.Values.Span[i] : null)],
        BinaryArray b => [.. Enumerable.Range(0, b.Length).Select(b.GetString)],
        _ => throw new InvalidOperationException(column.GetType().Name),
    };
}
