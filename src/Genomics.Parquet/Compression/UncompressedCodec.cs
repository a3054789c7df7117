using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Compression;

internal sealed class UncompressedCodec : PageCodec
{
    public override CompressionCodec Codec => CompressionCodec.Uncompressed;

    public override void Compress(ReadOnlySpan<byte> input, ByteBuffer output) => output.Write(input);

    public override void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckSize(input.Length, output.Length, "uncompressed");
        input.CopyTo(output);
    }
}
