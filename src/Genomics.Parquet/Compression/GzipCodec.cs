using System.IO.Compression;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Compression;

/// <summary>GZIP pages are RFC 1952 members (header + DEFLATE + CRC32/ISIZE trailer).</summary>
internal sealed class GzipCodec : PageCodec
{
    /// <summary>A gzip member of zero bytes: header, an empty final DEFLATE block (fixed Huffman, end of block only), CRC32 0, size 0.</summary>
    private static readonly byte[] EmptyMember = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly CompressionLevel _level;

    public GzipCodec(int? level)
    {
        _level = level switch
        {
            null => CompressionLevel.Optimal,
            <= 0 => CompressionLevel.NoCompression,
            <= 3 => CompressionLevel.Fastest,
            <= 7 => CompressionLevel.Optimal,
            _ => CompressionLevel.SmallestSize,
        };
    }

    public override CompressionCodec Codec => CompressionCodec.Gzip;

    public override void Compress(ReadOnlySpan<byte> input, ByteBuffer output)
    {
        if (input.IsEmpty)
        {
            // GZipStream writes nothing at all for empty input; a page must still hold a complete member.
            output.Write(EmptyMember);
            return;
        }

        using var sink = new BufferStream(output);
        using (var gz = new GZipStream(sink, _level, leaveOpen: true))
        {
            gz.Write(input);
        }
    }

    public override void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.IsEmpty)
        {
            // Nothing to produce; some writers even store an empty body for an empty page.
            return;
        }

        if (input.IsEmpty)
        {
            throw new ParquetFormatException($"gzip page is empty but should hold {output.Length} bytes");
        }

        try
        {
            unsafe
            {
                fixed (byte* p = input)
                {
                    using var source = new UnmanagedMemoryStream(p, input.Length);
                    using var gz = new GZipStream(source, CompressionMode.Decompress);
                    var total = 0;
                    while (total < output.Length)
                    {
                        var n = gz.Read(output[total..]);
                        if (n == 0)
                        {
                            break;
                        }

                        total += n;
                    }

                    CheckSize(total, output.Length, "gzip");
                    Span<byte> probe = stackalloc byte[1];
                    if (gz.Read(probe) != 0)
                    {
                        throw new ParquetFormatException($"gzip page decompresses to more than the {output.Length} bytes its header says");
                    }
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new ParquetFormatException("corrupt gzip page: " + e.Message, e);
        }
    }

    /// <summary>Lets GZipStream write straight into a pooled buffer.</summary>
    private sealed class BufferStream(ByteBuffer target) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => target.Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => target.Write(buffer);
    }
}
