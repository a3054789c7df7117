using System.Globalization;
using System.Text;
using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Tests.Plink;
using Genomics.Tests.Vcf;
using Genomics.Vcf;

namespace Genomics.Tests.Conversion;

/// <summary>
/// The dataset itself against <c>bcftools query -f '[%GT\t]\n'</c> (the committed goldens of
/// testdata/golden/regenerate-bcftools.sh): every shared VCF with genotypes is converted, its call_genotype and
/// call_genotype_phased columns are read back from the Parquet files and printed as bcftools prints a GT. The reader
/// tests (<see cref="BcftoolsGoldenTests"/>) check parsing; these check what lands on disk, across row groups.
/// </summary>
public sealed class VcfDatasetGoldenTests
{
    public static TheoryData<string> Files =>
        [.. BcftoolsGoldenTests.GoldenFiles().Where(f => !BcftoolsGoldenTests.Rejected.ContainsKey(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Dataset_calls_print_as_bcftools_query_prints_the_gt(string file)
    {
        var expected = File.ReadAllLines(VcfTestData.Path($"golden/bcftools/{file}.GT.tsv"));
        using var temp = new TemporaryDirectory();
        var dataset = temp.File("dataset");
        VcfConverter.Convert(VcfTestData.Path(file), dataset, new VcfConversionOptions
        {
            // Small batches: rows cross row groups, and a later group may widen the ploidy or turn on phasing.
            Reader = new VcfReaderOptions { MaxVariantsPerBatch = 3, StrictValueCounts = !BcftoolsGoldenTests.ReadLeniently.ContainsKey(file) },
        });

        var actual = GtLines(dataset);

        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"{file} record {i + 1}: bcftools '{expected[i]}', dataset '{actual[i]}'");
        }
    }

    /// <summary>One line per variant row: each sample's GT and a tab, alleles joined by '|' when phased, '/' otherwise, fill (-2) dropped.</summary>
    private static List<string> GtLines(string path)
    {
        var lines = new List<string>();
        var reader = DatasetReader.Open(path);
        var sampleCount = checked((int)reader.Manifest.SampleCount);
        var hasPhases = reader.VariantSchema().Fields.Any(f => f.Name == VariantColumns.CallGenotypePhased);
        string[] columns = hasPhases ? [VariantColumns.CallGenotype, VariantColumns.CallGenotypePhased] : [VariantColumns.CallGenotype];
        foreach (var group in reader.ReadVariants(columns))
        {
            var calls = (ListArray)group[VariantColumns.CallGenotype];
            var alleles = ((PrimitiveArray<sbyte>)calls.Values).Values.ToArray();
            var phases = hasPhases ? (ListArray)group[VariantColumns.CallGenotypePhased] : null;
            var phased = phases is null ? [] : ((PrimitiveArray<bool>)phases.Values).Values.ToArray();
            for (var v = 0; v < calls.Length; v++)
            {
                var (start, end) = (calls.Offsets.Span[v], calls.Offsets.Span[v + 1]);
                var ploidy = sampleCount == 0 ? 0 : (end - start) / sampleCount;
                var line = new StringBuilder();
                for (var s = 0; s < sampleCount; s++)
                {
                    var separator = phases is not null && phased[phases.Offsets.Span[v] + s] ? '|' : '/';
                    var first = true;
                    foreach (var allele in alleles.AsSpan(start + (s * ploidy), ploidy))
                    {
                        if (allele == -2)
                        {
                            break;
                        }

                        if (!first)
                        {
                            line.Append(separator);
                        }

                        line.Append(allele < 0 ? "." : allele.ToString(CultureInfo.InvariantCulture));
                        first = false;
                    }

                    line.Append('\t');
                }

                lines.Add(line.ToString());
            }
        }

        return lines;
    }
}
