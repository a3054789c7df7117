using System.Globalization;
using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>DuckDB reads the converted dataset: row count, dosage lists (NULL where missing) and sample IDs.</summary>
public sealed class DuckDbReadsDatasetTests
{
    [Fact]
    public void DuckDB_reads_some_missing_through_the_variants_glob()
    {
        using var directory = new TemporaryDirectory();
        var dataset = directory.File("some_missing");
        // Small row groups in parts of one row group each, so the glob has several files to read.
        PlinkConverter.Convert(PlinkTestData.Path("bed-reader/some_missing"), dataset, new PlinkConversionOptions
        {
            Genotypes = GenotypeColumn.Dosage,
            GenotypesPerRowGroup = 3000,
            Writer = new DatasetWriterOptions { PartSizeLimit = 1 },
        });
        Assert.True(Directory.GetFiles(Path.Combine(dataset, "variants"), "*.parquet").Length > 1);

        var variants = DuckDbQuery.Sql(Path.Combine(dataset, "variants", "*.parquet"));
        long[] rows = [0, 1, 37, 98, 99];
        var result = DuckDbQuery.Run(
            $"SELECT count(*) FROM read_parquet({variants})",
            $"SELECT variant_index, CAST(dosage AS VARCHAR) FROM read_parquet({variants}) WHERE variant_index IN ({string.Join(", ", rows)}) ORDER BY variant_index",
            $"SELECT sample_index, sample_id FROM read_parquet({DuckDbQuery.Sql(Path.Combine(dataset, "samples.parquet"))}) ORDER BY sample_index");

        Assert.Equal("100", Assert.Single(Assert.Single(result[0])));

        // Expected lists from the source (bed-reader's val.npy), written as DuckDB prints a TINYINT[].
        var npy = NpyMatrix.Read(PlinkTestData.Path("bed-reader/some_missing.val.npy"));
        Assert.Equal(rows.Length, result[1].Length);
        var nulls = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var variant = (int)rows[i];
            var values = Enumerable.Range(0, npy.Rows).Select(s => npy[s, variant]).ToList();
            nulls += values.Count(double.IsNaN);
            var expected = "[" + string.Join(", ", values.Select(d => double.IsNaN(d) ? "NULL" : ((int)d).ToString(CultureInfo.InvariantCulture))) + "]";
            Assert.Equal($"{variant} {expected}", string.Join(' ', result[1][i]));
        }

        Assert.True(nulls > 0, "the chosen rows should include missing calls");

        var fam = PlinkText.Rows(PlinkTestData.Path("bed-reader/some_missing.fam"));
        Assert.Equal(fam.Select((line, i) => $"{i} {line[1]}"), result[2].Select(row => string.Join(' ', row)));
    }
}
