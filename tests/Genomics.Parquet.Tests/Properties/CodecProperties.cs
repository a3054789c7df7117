using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Compression;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Properties;

public class CodecProperties
{
    public static TheoryData<ParquetCompression> Codecs() =>
        [ParquetCompression.None, ParquetCompression.Snappy, ParquetCompression.Gzip, ParquetCompression.Zstd];

    /// <summary>Page bodies: empty, tiny, repetitive (compressible) and random (incompressible).</summary>
    private static Gen<byte[]> Bodies { get; } = Gen.Frequency(
        (1, Gen.Constant(Array.Empty<byte>())),
        (2, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()),
        (2, Gen.Zip(Gen.Choose(0, 255), Gen.Choose(1, 5000)).Select(t => Enumerable.Repeat((byte)t.Item1, t.Item2).ToArray())),
        (2, Gen.Zip(Gen.Choose(0, 4000), Gen.Choose(0, int.MaxValue)).Select(t =>
        {
            var b = new byte[t.Item1];
            new Random(t.Item2).NextBytes(b);
            return b;
        })));

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Compress_then_decompress_returns_the_page(ParquetCompression compression)
    {
        using var writer = PageCodec.Create(compression, null);
        using var reader = PageCodec.ForReading(writer.Codec, 0);
        PropertyRunner.Check(Bodies, 100, body =>
        {
            using var compressed = new ByteBuffer();
            writer.Compress(body, compressed);
            if (compression != ParquetCompression.None)
            {
                // Every compressed page is a complete stream of its codec, even an empty one.
                Assert.True(compressed.Length > 0, "an empty page must still be a valid compressed stream");
            }

            // The pre-allocation size check never rejects a valid page.
            reader.CheckDecompressedSize(compressed.WrittenSpan, body.Length);
            var output = new byte[body.Length];
            reader.Decompress(compressed.WrittenSpan, output);
            Assert.Equal(body, output);
        });
    }

    [Fact]
    public void Gzip_pages_are_RFC_1952_members()
    {
        using var codec = PageCodec.Create(ParquetCompression.Gzip, null);
        foreach (var body in new[] { Array.Empty<byte>(), "ACGT"u8.ToArray() })
        {
            using var compressed = new ByteBuffer();
            codec.Compress(body, compressed);
            var bytes = compressed.WrittenSpan;
            Assert.True(bytes.Length >= 18);
            Assert.Equal([0x1F, 0x8B, 0x08], bytes[..3].ToArray());

            // The trailer's ISIZE is the uncompressed length.
            Assert.Equal(body.Length, BitConverter.ToInt32(bytes[^4..]));
        }
    }
}
