using System.Globalization;
using System.IO.Compression;
using Genomics.Conversion;
using Genomics.Tests.Plink;
using Genomics.Vcf;

namespace Genomics.Tests.Conversion;

/// <summary>
/// DuckDB reads a dataset converted from a VCF: the row count, sampled call_genotype lists, INFO values and FORMAT
/// columns equal the VCF text itself (split here with plain string operations, not with the engine's reader).
/// </summary>
public sealed class DuckDbReadsVcfDatasetTests
{
    [Fact]
    public void DuckDB_reads_the_demo_vcf_dataset_as_the_text_says()
    {
        var vcf = PlinkTestData.Path("sim/demo.vcf.gz");
        string[] records;
        using (var text = new StreamReader(new GZipStream(File.OpenRead(vcf), CompressionMode.Decompress)))
        {
            records = [.. text.ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#')];
        }

        using var directory = new TemporaryDirectory();
        var dataset = directory.File("demo");
        // Small batches: several row groups, so rows come from more than one.
        VcfConverter.Convert(vcf, dataset, new VcfConversionOptions { Reader = new VcfReaderOptions { MaxVariantsPerBatch = 97 } });

        var variants = DuckDbQuery.Sql(Path.Combine(dataset, "variants", "*.parquet"));
        int[] rows = [0, 1, 333, 500, 998, records.Length - 1];
        var result = DuckDbQuery.Run(
            $"SELECT count(*) FROM read_parquet({variants})",
            $"SELECT variant_index, contig, pos, coalesce(id, '.'), ref, array_to_string(alt, ','), CAST(call_genotype AS VARCHAR), CAST(format_GQ AS VARCHAR), CAST(info_VQSLOD AS VARCHAR), info_DB, CAST(format_DP AS VARCHAR) " +
            $"FROM read_parquet({variants}) WHERE variant_index IN ({string.Join(", ", rows)}) ORDER BY variant_index");

        Assert.Equal(records.Length.ToString(CultureInfo.InvariantCulture), Assert.Single(Assert.Single(result[0])));
        Assert.Equal(rows.Length, result[1].Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var fields = records[rows[i]].Split('\t');
            var samples = fields[9..].Select(s => s.Split(':')).ToArray();
            var info = fields[7].Split(';');
            string[] expected =
            [
                rows[i].ToString(CultureInfo.InvariantCulture), fields[0], fields[1], fields[2], fields[3], fields[4],
                List(samples.SelectMany(s => Alleles(s[0]))),
                List(samples.Select(s => s[2] == "." ? "NULL" : s[2])),
                info.Single(f => f.StartsWith("VQSLOD=", StringComparison.Ordinal))["VQSLOD=".Length..],
                info.Contains("DB") ? "true" : "false",
                List(samples.Select(s => s[1] == "." ? "NULL" : s[1])),
            ];
            var actual = result[1][i];
            Assert.Equal(expected.Length, actual.Length);
            for (var c = 0; c < expected.Length; c++)
            {
                if (c == 8)
                {
                    // FLOAT printed by DuckDB: compare as the same single-precision value.
                    Assert.Equal(float.Parse(expected[c], CultureInfo.InvariantCulture), float.Parse(actual[c]!, CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.True(expected[c] == actual[c], $"row {rows[i]} column {c}: text '{expected[c]}', DuckDB '{actual[c]}'");
                }
            }
        }
    }

    /// <summary>A GT as the dataset stores it at ploidy 2: allele indexes, -1 for '.', -2 filling a haploid call.</summary>
    private static IEnumerable<string> Alleles(string gt)
    {
        var alleles = gt.Split('/', '|').Select(a => a == "." ? "-1" : a).ToList();
        while (alleles.Count < 2)
        {
            alleles.Add("-2");
        }

        return alleles;
    }

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
}
