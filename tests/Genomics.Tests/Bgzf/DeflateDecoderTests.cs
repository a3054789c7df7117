using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class DeflateDecoderTests
{
    public static TheoryData<InflateBackend> Backends()
    {
        var data = new TheoryData<InflateBackend>();
        foreach (var backend in Enum.GetValues<InflateBackend>().Where(InflateBackends.IsAvailable))
        {
            data.Add(backend);
        }

        return data;
    }

    [Fact]
    public void Libdeflate_is_found_on_this_machine()
    {
        // The project's machines ship libdeflate.so.0; if this fails the fast path is silently off.
        Assert.True(InflateBackends.IsLibdeflateAvailable);
        Assert.True(InflateBackends.IsAvailable(InflateBackend.Managed));
    }

    [Fact]
    public void Both_backends_inflate_random_deflate_streams_to_the_same_bytes()
    {
        var gen =
            from length in Gen.Choose(0, 70_000)
            from seed in Gen.Choose(0, int.MaxValue)
            from textLike in Gen.Elements(true, false)
            from level in Gen.Elements(CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.NoCompression, CompressionLevel.SmallestSize)
            select (length, seed, textLike, level);
        using var managed = DeflateDecoder.Create(InflateBackend.Managed);
        using var native = InflateBackends.IsLibdeflateAvailable ? DeflateDecoder.Create(InflateBackend.Libdeflate) : null;
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(60),
            Prop.ForAll(gen.ToArbitrary(), c =>
            {
                var data = c.textLike ? TestInput.VcfLikeText(c.length, c.seed) : RandomBytes(c.length, c.seed);
                var deflated = Deflate(data, c.level);
                foreach (var decoder in new[] { managed, native })
                {
                    if (decoder is null)
                    {
                        continue;
                    }

                    var output = new byte[data.Length + 1];
                    Assert.Equal(InflateStatus.Ok, decoder.Inflate(deflated, output, out var written));
                    Assert.Equal(data.Length, written);
                    Assert.True(output.AsSpan(0, written).SequenceEqual(data));
                    Assert.Equal(ManagedCrc32.Compute(data), decoder.Crc32(output.AsSpan(0, written)));
                }
            }));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Reserved_block_type_is_bad_data(InflateBackend backend)
    {
        using var decoder = DeflateDecoder.Create(backend);
        Assert.Equal(InflateStatus.BadData, decoder.Inflate(new byte[] { 0xff, 0xff, 0xff, 0xff }, new byte[100], out var written));
        Assert.Equal(0, written);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Output_longer_than_the_room_is_reported(InflateBackend backend)
    {
        using var decoder = DeflateDecoder.Create(backend);
        var deflated = Deflate(TestInput.VcfLikeText(1000, 1), CompressionLevel.Fastest);
        Assert.Equal(InflateStatus.TooLong, decoder.Inflate(deflated, new byte[999], out _));
    }

    [Fact]
    public void Libdeflate_notices_bytes_after_the_deflate_end()
    {
        if (!InflateBackends.IsLibdeflateAvailable)
        {
            return;
        }

        using var decoder = DeflateDecoder.Create(InflateBackend.Libdeflate);
        byte[] deflated = [.. Deflate(TestInput.VcfLikeText(1000, 1), CompressionLevel.Fastest), 0x00, 0x00];
        Assert.Equal(InflateStatus.InputLeftOver, decoder.Inflate(deflated, new byte[2000], out _));
    }

    [Theory]
    [InlineData("libdeflate", InflateBackend.Libdeflate)]
    [InlineData(" Managed ", InflateBackend.Managed)]
    [InlineData("LIBDEFLATE", InflateBackend.Libdeflate)]
    public void Environment_choice_is_parsed(string value, InflateBackend expected) =>
        Assert.Equal(expected, InflateBackends.ParseChoice(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_environment_choice_means_no_preference(string? value) => Assert.Null(InflateBackends.ParseChoice(value));

    [Fact]
    public void Unknown_environment_choice_names_the_variable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => InflateBackends.ParseChoice("zlib"));
        Assert.Contains(InflateBackends.EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_backend_follows_the_environment_or_prefers_libdeflate()
    {
        var forced = InflateBackends.ParseChoice(Environment.GetEnvironmentVariable(InflateBackends.EnvironmentVariable));
        var expected = forced ?? (InflateBackends.IsLibdeflateAvailable ? InflateBackend.Libdeflate : InflateBackend.Managed);
        Assert.Equal(expected, InflateBackends.Default);
    }

    internal static byte[] Deflate(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, level, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
