using Genomics.Parquet;
using Genomics.Stats;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

public sealed class SummaryWriterTests
{
    private static readonly CohortAlleleSummary Suppressed = new()
    {
        VariantIndex = 7,
        Contig = "chr1",
        Pos = 3_000_000_000,
        Id = null,
        Ref = "A",
        Alt = "T",
        AlleleIndex = 1,
        Cohort = "pop=X",
        NSamples = 12,
        NCalled = null,
        NMissing = null,
        Ac = null,
        An = 20,
        Af = null,
        Carriers = null,
        HweP = 0.25,
    };

    [Fact]
    public void Rows_with_suppressed_counts_keep_their_nulls_in_parquet_and_tsv()
    {
        using var dir = new TemporaryDirectory();
        var parquet = dir.File("s.parquet");
        using (var writer = SummaryWriter.Create(parquet, Summarizer.Metadata("test")))
        {
            writer.Write(Suppressed);
            writer.Complete();
        }

        using (var reader = ParquetFileReader.Open(parquet))
        {
            Assert.Equal(1, reader.RowCount);
            var columns = reader.ReadRowGroup(0);
            var names = reader.Schema.Fields.Select(f => f.Name).ToList();
            ColumnArray Col(string name) => columns[names.IndexOf(name)];
            Assert.Equal(3_000_000_000, ((PrimitiveArray<long>)Col("pos")).Values.Span[0]);
            Assert.False(Col("id").IsValid(0));
            Assert.Equal(12, ((PrimitiveArray<long>)Col("n_samples")).Values.Span[0]);
            Assert.False(Col("n_called").IsValid(0));
            Assert.False(Col("ac").IsValid(0));
            Assert.False(Col("af").IsValid(0));
            Assert.Equal(20, ((PrimitiveArray<long>)Col("an")).Values.Span[0]);
            Assert.False(Col("n_hom_ref").IsValid(0));
            Assert.Equal(0.25, ((PrimitiveArray<double>)Col("hwe_p")).Values.Span[0]);
            Assert.Equal("controlled", reader.KeyValueMetadata["genomics.tier"]);
        }

        var tsv = dir.File("s.tsv");
        using (var writer = SummaryWriter.Create(tsv, Summarizer.Metadata("test")))
        {
            writer.Write(Suppressed);
            writer.Complete();
        }

        Assert.Equal(Suppressed, SummaryTable.Read(tsv).Single());
    }

    [Fact]
    public void Without_complete_nothing_is_left_and_an_existing_file_is_refused()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("s.parquet");
        using (var writer = SummaryWriter.Create(path, Summarizer.Metadata("test")))
        {
            writer.Write(Suppressed);
        }

        Assert.Empty(Directory.GetFileSystemEntries(dir.FullPath));
        File.WriteAllText(path, "x");
        Assert.Throws<IOException>(() => SummaryWriter.Create(path, Summarizer.Metadata("test")));
    }
}
