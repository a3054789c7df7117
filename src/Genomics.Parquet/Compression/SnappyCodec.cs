using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Compression;

/// <summary>Snappy in the raw block format, which is what Parquet stores (never the framed stream format).</summary>
internal sealed class SnappyCodec : PageCodec
{
    public override CompressionCodec Codec => CompressionCodec.Snappy;

    public override void Compress(ReadOnlySpan<byte> input, ByteBuffer output) => output.Write(IronSnappy.Snappy.Encode(input));

    public override void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.IsEmpty && input.IsEmpty)
        {
            return;
        }

        byte[] raw;
        try
        {
            raw = IronSnappy.Snappy.Decode(input);
        }
        catch (Exception e) when (e is not ParquetFormatException)
        {
            throw new ParquetFormatException("corrupt snappy page: " + e.Message, e);
        }

        CheckSize(raw.Length, output.Length, "snappy");
        raw.CopyTo(output);
    }
}
