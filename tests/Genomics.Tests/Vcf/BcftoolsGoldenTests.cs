using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

/// <summary>
/// Differential tests: every shared test VCF with genotypes, parsed and printed the way <c>bcftools query</c> prints it,
/// against the committed bcftools 1.16 output (testdata/golden/regenerate-bcftools.sh); bcftools itself is not needed.
/// A few files are rejected by design and a few fields differ on purpose; each has its reason below.
/// </summary>
public sealed class BcftoolsGoldenTests
{
    /// <summary>Files bcftools reads but this reader rejects, with the reason it gives.</summary>
    internal static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        // Two GT keys in one FORMAT: which one holds the calls is ambiguous (htslib keeps the first and cannot write the file back).
        ["htslib/noroundtrip.vcf"] = "FORMAT 'GT:GT' lists 'GT' twice",

        // A haploid call '2' at a site with one ALT allele refers to an allele that does not exist.
        ["cyvcf2/test.warnings.vcf.gz"] = "GT '2' refers to allele 2, but the site has 1 ALT allele",

        // The dataset stores allele indexes as int8; these files have calls with allele 300 and 145.
        ["htslib/vcf_file.vcf"] = "GT allele index 300 does not fit the dataset's int8 genotype column",
        ["sgkit/allele_overflow.vcf"] = "GT allele index 145 does not fit the dataset's int8 genotype column",

        // 'I' as an ALT allele (an old indel placeholder) is not a VCF 4.x allele.
        ["bcftools/norm.vcf"] = "ALT allele 'I' is not bases",
    };

    /// <summary>Files whose value counts disagree with their Number; they are read with StrictValueCounts off.</summary>
    internal static readonly Dictionary<string, string> ReadLeniently = new(StringComparer.Ordinal)
    {
        ["cyvcf2/test-haploidX.vcf"] = "GATK left FORMAT AD (Number=R) with three values at some biallelic sites",
        ["cyvcf2/test-format-string.vcf"] = "FORMAT ADP_ALL (Number=R) has four values at a biallelic site",
        ["htslib/vcf_file.vcf"] = "INFO AC (Number=A) has one value at a site with 305 ALT alleles",
    };

    /// <summary>Single fields printed differently on purpose: (file, part, 1-based record, 1-based column) and why.</summary>
    private static readonly Dictionary<(string File, string Part, int Record, int Column), string> KnownDifferences = new()
    {
        // "XX=" (an empty String): htslib keeps a zero-length value and bcftools prints it as 1, like a flag; the dataset keeps "".
        [("cyvcf2/test.comp_het.3.vcf", "sites", 3, 19)] = "empty string value",

        // "DB=0" for a flag: bcftools prints the written 0; the dataset's flag column says false, printed here as '.' like an absent flag.
        [("hts-specs/test/vcf/4.3/passed/passed_body_info.vcf", "sites", 19, 11)] = "flag written as DB=0",
    };

    public static TheoryData<string> Files => [.. GoldenFiles()];

    public static TheoryData<string> RejectedFiles => [.. Rejected.Keys];

    public static TheoryData<string> FormatFiles =>
        [.. GoldenFiles().Where(f => !Rejected.ContainsKey(f) && File.Exists(VcfTestData.Path($"golden/bcftools/{f}.FORMAT.tsv")))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Parsed_values_print_as_bcftools_query_prints_them(string file)
    {
        if (Rejected.ContainsKey(file))
        {
            return;
        }

        var golden = VcfTestData.Path("golden/bcftools/" + file);
        var expectedGt = File.ReadAllLines(golden + ".GT.tsv");
        var sites = File.ReadAllLines(golden + ".sites.tsv");
        var keys = sites[0].Split("\\t").Skip(7).Select(k => k["%INFO/".Length..]).ToList();
        var actualGt = new List<string>();
        var actualSites = new List<string>();
        using (VcfFiles.ReadAll(VcfTestData.Path(file), batch =>
        {
            actualGt.AddRange(BcftoolsQueryFormat.GenotypeLines(batch));
            actualSites.AddRange(BcftoolsQueryFormat.SiteLines(batch, keys));
        }, OptionsFor(file)))
        {
        }

        var differences = Differences(file, "GT", expectedGt, actualGt).Concat(Differences(file, "sites", sites[1..], actualSites)).Take(10).ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Theory]
    [MemberData(nameof(FormatFiles))]
    public void Format_values_print_as_bcftools_query_prints_them(string file)
    {
        var golden = File.ReadAllLines(VcfTestData.Path($"golden/bcftools/{file}.FORMAT.tsv"));
        var keys = golden[0]["# [".Length..^"\\t]".Length].Split(' ').Select(k => k[1..]).ToList();
        var expected = golden[1..].Select(line => string.Join('\t', line.Split('\t').Select(sample => string.Join(' ', sample.Split(' ').Select(BcftoolsQueryFormat.TrimTrailingMissing))))).ToArray();
        var actual = new List<string>();
        using (VcfFiles.ReadAll(VcfTestData.Path(file), batch => actual.AddRange(BcftoolsQueryFormat.FormatLines(batch, keys)), OptionsFor(file)))
        {
        }

        var differences = Differences(file, "FORMAT", expected, actual).Take(10).ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Files_rejected_by_design_name_the_line_and_reason(string file)
    {
        var error = Assert.Throws<GenomicsFormatException>(() => VcfFiles.ReadAll(VcfTestData.Path(file), options: OptionsFor(file)).Dispose());
        Assert.Contains(Rejected[file], error.Reason, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.EndsWith(file, error.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_known_difference_is_still_needed()
    {
        // A stale entry would hide a real regression in the same field.
        foreach (var ((file, part, record, column), _) in KnownDifferences)
        {
            var golden = File.ReadAllLines(VcfTestData.Path($"golden/bcftools/{file}.{part}.tsv"));
            var line = golden[part == "sites" ? record : record - 1];
            Assert.True(column <= line.Split('\t').Length, $"{file} {part} record {record} has no column {column}");
        }
    }

    internal static IEnumerable<string> GoldenFiles()
    {
        var root = VcfTestData.Path("golden/bcftools");
        return Directory.EnumerateFiles(root, "*.GT.tsv", SearchOption.AllDirectories)
            .Select(golden => Path.GetRelativePath(root, golden)[..^".GT.tsv".Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    // Small batches, so records cross batch boundaries often.
    private static VcfReaderOptions OptionsFor(string file) =>
        new() { BatchByteBudget = 4096, MaxVariantsPerBatch = 7, StrictValueCounts = !ReadLeniently.ContainsKey(file) };

    private static IEnumerable<string> Differences(string file, string part, string[] expected, List<string> actual)
    {
        if (expected.Length != actual.Count)
        {
            yield return $"{part}: bcftools printed {expected.Length} records, we parsed {actual.Count}";
        }

        for (var i = 0; i < Math.Min(expected.Length, actual.Count); i++)
        {
            var want = expected[i].Split('\t');
            var got = actual[i].Split('\t');
            for (var column = 0; column < Math.Max(want.Length, got.Length); column++)
            {
                var a = column < want.Length ? want[column] : "<none>";
                var b = column < got.Length ? got[column] : "<none>";
                if (a != b && !KnownDifferences.ContainsKey((file, part, i + 1, column + 1)))
                {
                    yield return $"{part} record {i + 1} column {column + 1}: bcftools '{a}', ours '{b}'";
                }
            }
        }
    }
}
