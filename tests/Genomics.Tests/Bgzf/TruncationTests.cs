using FsCheck;
using FsCheck.Fluent;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class TruncationTests
{
    private static readonly byte[] Data = TestInput.VcfLikeText(30_000, 5);

    // Small blocks so a short file has many boundaries to cut at.
    private static readonly BgzfTestFile File = TestBgzfWriter.Write(Data, [4000, 1500, 7000], extraSubfields: true);

    [Fact]
    public void Cut_at_every_block_boundary_delivers_the_blocks_before_then_reports_truncation()
    {
        foreach (var options in TestInput.AllOptions())
        {
            var delivered = 0;
            for (var i = 1; i < File.BlockOffsets.Count; i++)
            {
                var cut = (int)File.BlockOffsets[i];
                var (data, error) = TestInput.ReadUntilError(File.Bytes[..cut], options);
                Assert.NotNull(error);
                Assert.Equal(InputErrorKind.Truncated, error.Kind);
                Assert.Equal(cut, error.Offset);
                Assert.Contains("no BGZF end-of-file block", error.Message, StringComparison.Ordinal);
                Assert.StartsWith($"{TestInput.Name}: byte {cut}: ", error.Message, StringComparison.Ordinal);

                // Everything in the blocks before the cut arrives before the error does.
                Assert.True(data.Length >= delivered);
                Assert.True(Data.AsSpan(0, data.Length).SequenceEqual(data));
                delivered = data.Length;
            }

            Assert.Equal(Data.Length, delivered);
        }
    }

    [Fact]
    public void Cut_at_every_offset_is_reported_as_truncated_with_file_and_offset()
    {
        foreach (var backend in Enum.GetValues<InflateBackend>().Where(InflateBackends.IsAvailable))
        {
            var options = new BgzfReaderOptions { Threads = 1, Backend = backend };
            for (var cut = 0; cut < File.Bytes.Length; cut++)
            {
                AssertTruncated(cut, options);
            }
        }
    }

    [Fact]
    public void Cut_at_random_offsets_with_parallel_inflate_is_reported_as_truncated()
    {
        var gen =
            from cut in Gen.Choose(0, File.Bytes.Length - 1)
            from threads in Gen.Choose(2, 4)
            select (cut, threads);
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(gen.ToArbitrary(), c => AssertTruncated(c.cut, new BgzfReaderOptions { Threads = c.threads })));
    }

    [Fact]
    public void Plain_gzip_cut_anywhere_is_reported_unless_cut_between_members()
    {
        var data = TestInput.VcfLikeText(20_000, 9);
        var first = TestBgzfWriter.WriteGzip(data.AsSpan(0, 12_000));
        byte[] file = [.. first, .. TestBgzfWriter.WriteGzip(data.AsSpan(12_000))];
        for (var cut = 0; cut < file.Length; cut++)
        {
            var (delivered, error) = TestInput.ReadUntilError(file[..cut]);
            if (cut == first.Length)
            {
                // Two complete gzip files one after the other are a valid gzip file: nothing to detect.
                Assert.Null(error);
                Assert.True(data.AsSpan(0, 12_000).SequenceEqual(delivered));
                continue;
            }

            Assert.True(error is not null, $"cut at {cut} of {file.Length} went unnoticed");
            Assert.True(
                error.Kind is InputErrorKind.Truncated or InputErrorKind.Corrupt or InputErrorKind.NotRecognized,
                $"cut at {cut}: {error.Kind}");
            Assert.StartsWith($"{TestInput.Name}: byte ", error.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertTruncated(int cut, BgzfReaderOptions options)
    {
        var (data, error) = TestInput.ReadUntilError(File.Bytes[..cut], options);
        Assert.True(error is not null, $"cut at {cut} went unnoticed");
        var expectedKind = cut == 0 ? InputErrorKind.NotRecognized : InputErrorKind.Truncated;
        Assert.True(error.Kind == expectedKind, $"cut at {cut}: {error.Message}");
        Assert.NotNull(error.Offset);
        Assert.InRange(error.Offset.Value, 0, cut);
        Assert.StartsWith($"{TestInput.Name}: byte {error.Offset}: ", error.Message, StringComparison.Ordinal);
        Assert.True(Data.AsSpan(0, data.Length).SequenceEqual(data), $"cut at {cut}: delivered bytes differ from the data");
    }
}
