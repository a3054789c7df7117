using Genomics.Parquet.Compression;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Corruption;

public class CodecCorruptionTests
{
    public static TheoryData<CompressionCodec> Codecs() =>
        [CompressionCodec.Uncompressed, CompressionCodec.Snappy, CompressionCodec.Gzip, CompressionCodec.Zstd];

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Empty_input_decompresses_to_nothing_or_fails_as_a_format_error(CompressionCodec codec)
    {
        using var c = PageCodec.ForReading(codec, 0);
        Outcome.SucceedsOrFormatError(() => c.Decompress([], []));
        Assert.Throws<ParquetFormatException>(() => c.Decompress([], new byte[5]));
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Damaged_compressed_pages_fail_as_format_errors(CompressionCodec codec)
    {
        var rng = new Random(1234 + (int)codec);
        var body = new byte[3000];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = (byte)(i % 97 < 50 ? 'A' + (i % 4) : rng.Next(256));
        }

        using var writer = PageCodec.Create((ParquetCompression)(int)codec, null);
        using var compressed = new ByteBuffer();
        writer.Compress(body, compressed);
        var good = compressed.WrittenSpan.ToArray();
        using var reader = PageCodec.ForReading(codec, 0);
        for (var trial = 0; trial < 400; trial++)
        {
            var bad = (byte[])good.Clone();
            switch (trial % 4)
            {
                case 0:
                    bad[rng.Next(bad.Length)] ^= (byte)rng.Next(1, 256);
                    break;
                case 1:
                    bad = bad[..rng.Next(bad.Length)];
                    break;
                case 2:
                    rng.NextBytes(bad.AsSpan(rng.Next(bad.Length / 2), rng.Next(1, 16)));
                    break;
                default:
                    bad = [.. bad, .. new byte[rng.Next(1, 9)]];
                    break;
            }

            // The header's uncompressed size may be right, or wrong in either direction.
            var size = trial % 3 == 0 ? body.Length : rng.Next(0, 2 * body.Length);
            Outcome.SucceedsOrFormatError(() => reader.Decompress(bad, new byte[size]), $"trial {trial}");
        }
    }
}
