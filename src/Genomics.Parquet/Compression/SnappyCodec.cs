using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Compression;

/// <summary>Snappy in the raw block format, which is what Parquet stores (never the framed stream format).</summary>
internal sealed class SnappyCodec : PageCodec
{
    public override CompressionCodec Codec => CompressionCodec.Snappy;

    public override void Compress(ReadOnlySpan<byte> input, ByteBuffer output) => output.Write(IronSnappy.Snappy.Encode(input));

    /// <summary>A snappy block starts with its uncompressed length (a varint below 2^32), which must be the header's.</summary>
    public override void CheckDecompressedSize(ReadOnlySpan<byte> input, int size)
    {
        ulong length = 0;
        for (var i = 0; ; i++)
        {
            if (i == input.Length || i == 5)
            {
                throw new ParquetFormatException("corrupt snappy page: bad length preamble");
            }

            length |= (ulong)(input[i] & 0x7F) << (7 * i);
            if (input[i] < 0x80)
            {
                break;
            }
        }

        if (length != (ulong)size)
        {
            throw new ParquetFormatException($"snappy page holds {length} bytes, header says {size}");
        }
    }

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
