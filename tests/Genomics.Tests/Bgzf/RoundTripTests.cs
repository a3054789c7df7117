using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class RoundTripTests
{
    private static readonly InflateBackend[] Available = [.. Enum.GetValues<InflateBackend>().Where(InflateBackends.IsAvailable)];

    [Fact]
    public void Random_data_in_random_blocks_round_trips()
    {
        var gen =
            from length in Gen.Frequency((3, Gen.Choose(0, 200_000)), (1, Gen.Choose(0, 100)))
            from seed in Gen.Choose(0, int.MaxValue)
            from textLike in Gen.Elements(true, false)
            from chunks in Gen.Frequency((2, Gen.Choose(1, 300)), (3, Gen.Choose(1, TestBgzfWriter.MaxChunk))).NonEmptyListOf()
            from threads in Gen.Choose(1, 4)
            from spare in Gen.Choose(1, 8)
            from backend in Gen.Elements(Available)
            from readSize in Gen.Frequency((1, Gen.Choose(1, 64)), (3, Gen.Choose(1, 200_000)))
            from extra in Gen.Elements(true, false)
            from level in Gen.Elements(CompressionLevel.Fastest, CompressionLevel.NoCompression, CompressionLevel.SmallestSize)
            select (length, seed, textLike, chunks, threads, spare, backend, readSize, extra, level);
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(60),
            Prop.ForAll(gen.ToArbitrary(), c =>
            {
                var data = c.textLike ? TestInput.VcfLikeText(c.length, c.seed) : RandomBytes(c.length, c.seed);
                var file = TestBgzfWriter.Write(data, [.. c.chunks], level: c.level, extraSubfields: c.extra);
                var options = new BgzfReaderOptions { Threads = c.threads, Backend = c.backend, BlocksInFlight = c.threads + c.spare };
                Assert.True(TestInput.ReadAll(file.Bytes, options, c.readSize).AsSpan().SequenceEqual(data));
            }));
    }

    [Fact]
    public void Plain_gzip_with_several_members_round_trips()
    {
        var gen =
            from length in Gen.Choose(0, 300_000)
            from seed in Gen.Choose(0, int.MaxValue)
            from members in Gen.Choose(1, 5)
            from readSize in Gen.Choose(1, 100_000)
            select (length, seed, members, readSize);
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(30),
            Prop.ForAll(gen.ToArbitrary(), c =>
            {
                var data = TestInput.VcfLikeText(c.length, c.seed);
                var file = TestBgzfWriter.WriteGzip(data, c.members);
                using var input = DecompressedInput.Open(new MemoryStream(file), TestInput.Name);
                Assert.Equal(CompressionFormat.Gzip, input.Format);
                Assert.True(TestInput.ReadAll(file, null, c.readSize).AsSpan().SequenceEqual(data));
            }));
    }

    [Fact]
    public void Files_made_by_bgzip_round_trip_when_it_is_installed()
    {
        if (!ExternalTool.Exists("bgzip"))
        {
            return;
        }

        var random = new Random(11);
        foreach (var length in new[] { 0, 1, 65_280, 65_281, 1_000_000 })
        {
            var data = TestInput.VcfLikeText(length, random.Next());
            foreach (var level in new[] { "0", "1", "9" })
            {
                var file = ExternalTool.Run("bgzip", ["-c", "-l", level], data);
                foreach (var options in TestInput.AllOptions())
                {
                    Assert.True(TestInput.ReadAll(file, options).AsSpan().SequenceEqual(data));
                }
            }
        }
    }

    [Fact]
    public void Empty_blocks_anywhere_are_skipped()
    {
        var data = TestInput.VcfLikeText(200_000, 3);
        using var output = new MemoryStream();
        TestBgzfWriter.WriteBlock(output, [], CompressionLevel.Fastest, extraSubfield: false);
        TestBgzfWriter.WriteBlock(output, data.AsSpan(0, 50_000), CompressionLevel.Fastest, extraSubfield: false);
        TestBgzfWriter.WriteBlock(output, [], CompressionLevel.Fastest, extraSubfield: true);
        TestBgzfWriter.WriteBlock(output, [], CompressionLevel.Fastest, extraSubfield: false);
        TestBgzfWriter.WriteBlock(output, data.AsSpan(50_000, 60_000), CompressionLevel.Fastest, extraSubfield: false);
        output.Write(TestBgzfWriter.EndOfFileMarker);
        TestBgzfWriter.WriteBlock(output, data.AsSpan(110_000, 50_000), CompressionLevel.Fastest, extraSubfield: false);
        TestBgzfWriter.WriteBlock(output, data.AsSpan(160_000), CompressionLevel.Fastest, extraSubfield: false);
        TestBgzfWriter.WriteBlock(output, [], CompressionLevel.Fastest, extraSubfield: false);
        output.Write(TestBgzfWriter.EndOfFileMarker);
        foreach (var options in TestInput.AllOptions())
        {
            Assert.True(TestInput.ReadAll(output.ToArray(), options).AsSpan().SequenceEqual(data));
        }
    }

    [Fact]
    public void Concatenated_bgzf_files_read_as_one()
    {
        var first = TestInput.VcfLikeText(100_000, 1);
        var second = TestInput.VcfLikeText(100_000, 2);
        byte[] file = [.. TestBgzfWriter.Write(first).Bytes, .. TestBgzfWriter.Write(second).Bytes];
        foreach (var options in TestInput.AllOptions())
        {
            Assert.True(TestInput.ReadAll(file, options).AsSpan().SequenceEqual([.. first, .. second]));
        }
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
