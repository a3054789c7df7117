using System.Text;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

public sealed class BatchSizingTests
{
    [Fact]
    public void Batches_stay_within_the_byte_budget_and_cover_every_record_once()
    {
        var text = Generated(samples: 300, records: 500);
        const long Budget = 64 * 1024;
        using var reader = VcfSnippet.Open(text, new VcfReaderOptions { BatchByteBudget = Budget });
        var batch = reader.CreateBatch();
        var next = 0L;
        var batches = 0;
        long largestRecord = 0;
        while (reader.ReadBatch(batch))
        {
            Assert.Equal(next, batch.FirstVariantIndex);
            next += batch.Count;
            batches++;
            largestRecord = Math.Max(largestRecord, batch.ByteSize / batch.Count);
            Assert.True(batch.ByteSize < Budget + (2 * largestRecord), $"batch of {batch.Count} holds {batch.ByteSize} bytes");
        }

        Assert.Equal(500, next);
        Assert.True(batches > 10, $"{batches} batches");
    }

    [Fact]
    public void A_record_larger_than_the_budget_gets_a_batch_of_its_own()
    {
        using var reader = VcfSnippet.Open(Generated(samples: 50, records: 3), new VcfReaderOptions { BatchByteBudget = 1 });
        var batch = reader.CreateBatch();
        var counts = new List<int>();
        while (reader.ReadBatch(batch))
        {
            counts.Add(batch.Count);
        }

        Assert.Equal([1, 1, 1], counts);
    }

    [Fact]
    public void Refilling_a_batch_stops_allocating_once_it_has_its_working_size()
    {
        using var reader = VcfSnippet.Open(Generated(samples: 200, records: 3000), new VcfReaderOptions { BatchByteBudget = 256 * 1024 });
        var batch = reader.CreateBatch();
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Assert.True(reader.ReadBatch(batch));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var batches = 0;
        while (reader.ReadBatch(batch))
        {
            batches++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(batches > 20, $"{batches} batches");
        Assert.True(allocated < 100_000, $"{allocated} bytes allocated over {batches} batches");
    }

    [Fact]
    public void Reading_a_batch_from_another_reader_is_refused()
    {
        var text = Generated(samples: 1, records: 1);
        using var first = VcfSnippet.Open(text);
        using var second = VcfSnippet.Open(text);
        Assert.Throws<ArgumentException>(() => first.ReadBatch(second.CreateBatch()));
    }

    /// <summary>Records with GT, DP and AD for every sample, some multi-allelic, some with missing values.</summary>
    internal static string Generated(int samples, int records, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder("##fileformat=VCFv4.3\n");
        text.Append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n");
        text.Append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n");
        text.Append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">\n");
        text.Append("##INFO=<ID=AF,Number=A,Type=Float,Description=\"f\">\n");
        text.Append(VcfSnippet.Columns).Append("\tFORMAT");
        for (var s = 0; s < samples; s++)
        {
            text.Append("\tS").Append(s);
        }

        text.Append('\n');
        for (var r = 0; r < records; r++)
        {
            var alts = random.Next(10) == 0 ? 2 : 1;
            text.Append($"1\t{r + 1}\trs{r}\tA\t{(alts == 2 ? "C,G" : "C")}\t50\tPASS\tAF={string.Join(',', Enumerable.Repeat("0.25", alts))}\tGT:DP:AD");
            for (var s = 0; s < samples; s++)
            {
                var gt = random.Next(20) == 0 ? "./." : $"{random.Next(alts + 1)}/{random.Next(alts + 1)}";
                var ad = string.Join(',', Enumerable.Range(0, alts + 1).Select(_ => random.Next(30)));
                text.Append('\t').Append(gt).Append(':').Append(random.Next(60)).Append(':').Append(ad);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
