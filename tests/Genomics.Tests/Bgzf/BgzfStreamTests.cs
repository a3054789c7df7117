using System.Diagnostics;
using System.IO.Pipelines;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class BgzfStreamTests
{
    private static readonly byte[] Data = TestInput.VcfLikeText(6_000_000, 31);

    private static readonly BgzfTestFile File = TestBgzfWriter.Write(Data, [TestBgzfWriter.MaxChunk, 20_000, 777, 65_000]);

    [Fact]
    public void One_thread_and_many_threads_give_identical_output()
    {
        var expected = TestInput.Sha256(TestInput.ReadAll(File.Bytes, new BgzfReaderOptions { Threads = 1 }));
        Assert.Equal(TestInput.Sha256(Data), expected);
        foreach (var backend in Enum.GetValues<InflateBackend>().Where(InflateBackends.IsAvailable))
        {
            foreach (var threads in new[] { 1, 2, 3, 4, 8 })
            {
                // The smallest ring allowed keeps every slot cycling, which is where ordering bugs would show.
                foreach (var slots in new[] { threads + 1, 0 })
                {
                    var options = new BgzfReaderOptions { Threads = threads, Backend = backend, BlocksInFlight = slots };
                    Assert.Equal(expected, TestInput.Sha256(TestInput.ReadAll(File.Bytes, options, readSize: 100_003)));
                }
            }
        }
    }

    [Fact]
    public void Every_ring_size_delivers_everything_even_to_a_slow_consumer()
    {
        // Runs, held-back slots and ring wrap-around all depend on the ring size; none may stall the reader.
        var data = TestInput.VcfLikeText(700_000, 41);
        var file = TestBgzfWriter.Write(data, [30_000, 65_000, 1_000]).Bytes;
        foreach (var threads in new[] { 2, 3 })
        {
            for (var slots = threads + 1; slots <= 24; slots++)
            {
                using var stream = new BgzfStream(new MemoryStream(file), "x", new BgzfReaderOptions { Threads = threads, BlocksInFlight = slots });
                using var output = new MemoryStream();
                var buffer = new byte[40_000];
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    output.Write(buffer, 0, n);
                    if (output.Length % 7 == 0)
                    {
                        Thread.Sleep(1);
                    }
                }

                Assert.True(output.ToArray().AsSpan().SequenceEqual(data), $"threads {threads}, slots {slots}");
            }
        }
    }

    [Fact]
    public async Task Async_reads_give_the_same_bytes()
    {
        foreach (var threads in new[] { 1, 2 })
        {
            await using var stream = new BgzfStream(new MemoryStream(File.Bytes), "x", new BgzfReaderOptions { Threads = threads });
            using var output = new MemoryStream();
            await stream.CopyToAsync(output);
            Assert.Equal(TestInput.Sha256(Data), TestInput.Sha256(output.ToArray()));
            Assert.Equal(Data.Length, stream.Position);
        }
    }

    [Fact]
    public async Task Pipe_reader_gives_the_same_bytes()
    {
        using var input = DecompressedInput.Open(new MemoryStream(File.Bytes), "x", new BgzfReaderOptions { Threads = 2 });
        var reader = input.CreatePipeReader();
        using var output = new MemoryStream();
        while (true)
        {
            var result = await reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                output.Write(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync();
        Assert.Equal(TestInput.Sha256(Data), TestInput.Sha256(output.ToArray()));
    }

    [Fact]
    public void Locate_places_recent_offsets_in_their_blocks()
    {
        using var stream = new BgzfStream(new MemoryStream(File.Bytes), "x", new BgzfReaderOptions { Threads = 2 });
        var buffer = new byte[1_000_000];
        stream.ReadExactly(buffer);

        // Rebuild where each block's data starts from the test writer's own chunking.
        var starts = new List<(long Start, long Block)>();
        long start = 0;
        int[] chunks = [TestBgzfWriter.MaxChunk, 20_000, 777, 65_000];
        for (var i = 0; start < 1_000_000; i++)
        {
            starts.Add((start, File.BlockOffsets[i]));
            start += chunks[i % chunks.Length];
        }

        foreach (var offset in new long[] { 0, 1, 65_279, 65_280, 85_280, 85_281, 999_999 })
        {
            var (blockStart, blockOffset) = starts.Last(s => s.Start <= offset);
            var location = stream.Locate(offset);
            Assert.Equal(offset, location.UncompressedOffset);
            Assert.Equal(blockOffset, location.BlockOffset);
            Assert.Equal((int)(offset - blockStart), location.OffsetInBlock);
            Assert.Equal((blockOffset << 16) | (offset - blockStart), location.VirtualOffset);
            Assert.Contains($"BGZF block at byte {blockOffset}, +{offset - blockStart}", location.Describe(), StringComparison.Ordinal);
        }

        // Not yet delivered: only the decompressed offset is known.
        Assert.Null(stream.Locate(5_000_000).BlockOffset);
    }

    [Fact]
    public async Task Disposing_in_the_middle_stops_the_workers_promptly()
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 8; i++)
        {
            var stream = new BgzfStream(new MemoryStream(File.Bytes), "x", new BgzfReaderOptions { Threads = 3, BlocksInFlight = 4 });
            var buffer = new byte[i * 1000];
            stream.ReadExactly(buffer);
            await Task.Run(stream.Dispose).WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Errors_repeat_on_later_reads()
    {
        var cut = File.Bytes[..(int)File.BlockOffsets[3]];
        using var stream = new BgzfStream(new MemoryStream(cut), "x", new BgzfReaderOptions { Threads = 2 });
        using var sink = new MemoryStream();
        var first = Assert.Throws<GenomicsFormatException>(() => stream.CopyTo(sink));
        var second = Assert.Throws<GenomicsFormatException>(() => stream.ReadByte());
        Assert.Same(first, second);
    }

    [Fact]
    public void Options_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgzfStream(new MemoryStream(File.Bytes), "x", new BgzfReaderOptions { Threads = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgzfStream(new MemoryStream(File.Bytes), "x", new BgzfReaderOptions { Threads = 4, BlocksInFlight = 4 }));
    }
}
