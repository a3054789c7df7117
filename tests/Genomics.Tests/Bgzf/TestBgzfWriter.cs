using System.Buffers.Binary;
using System.IO.Compression;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

/// <summary>
/// Writes BGZF for tests, with block sizes, extra subfields and the end-of-file marker under the test's control.
/// Written from the SAM specification's description of the format; files made with bgzip are checked separately.
/// </summary>
internal static class TestBgzfWriter
{
    /// <summary>Largest chunk per block: even incompressible data then fits a 64 KiB block (bgzip uses the same cap).</summary>
    public const int MaxChunk = 0xff00;

    public static BgzfTestFile Write(
        ReadOnlySpan<byte> data,
        IReadOnlyList<int>? chunkSizes = null,
        bool endOfFileMarker = true,
        CompressionLevel level = CompressionLevel.Fastest,
        bool extraSubfields = false)
    {
        chunkSizes ??= [MaxChunk];
        using var output = new MemoryStream();
        var offsets = new List<long>();
        var index = 0;
        while (!data.IsEmpty)
        {
            var size = Math.Clamp(chunkSizes[index % chunkSizes.Count], 0, MaxChunk);
            size = Math.Min(size, data.Length);
            offsets.Add(output.Position);
            WriteBlock(output, data[..size], level, extraSubfields && index % 2 == 1);
            data = data[size..];
            index++;
        }

        if (endOfFileMarker)
        {
            offsets.Add(output.Position);
            output.Write(EndOfFileMarker);
        }

        return new BgzfTestFile(output.ToArray(), offsets);
    }

    public static ReadOnlySpan<byte> EndOfFileMarker =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43,
        0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    public static void WriteBlock(Stream output, ReadOnlySpan<byte> chunk, CompressionLevel level, bool extraSubfield)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, level, leaveOpen: true))
        {
            deflate.Write(chunk);
        }

        if (deflated.Length == 0)
        {
            // DeflateStream writes nothing at all for empty input; a final fixed-Huffman block with only its end code is valid.
            deflated.Write([0x03, 0x00]);
        }

        // An unrelated subfield before BC checks that readers look for BC rather than assume an 18-byte header.
        ReadOnlySpan<byte> other = extraSubfield ? [(byte)'X', (byte)'Y', 3, 0, 7, 8, 9] : [];
        var extraLength = 6 + other.Length;
        var blockLength = 12 + extraLength + (int)deflated.Length + 8;
        if (blockLength > 65536)
        {
            // Fast levels can expand incompressible data past a block; stored DEFLATE blocks never do (bgzip retries likewise).
            if (level == CompressionLevel.NoCompression)
            {
                throw new InvalidOperationException($"chunk of {chunk.Length} bytes does not fit one block");
            }

            WriteBlock(output, chunk, CompressionLevel.NoCompression, extraSubfield);
            return;
        }

        Span<byte> header = stackalloc byte[12 + extraLength];
        ReadOnlySpan<byte> fixedPart = [0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0x00, 0xff];
        fixedPart.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], (ushort)extraLength);
        other.CopyTo(header[12..]);
        var bc = header[(12 + other.Length)..];
        bc[0] = (byte)'B';
        bc[1] = (byte)'C';
        BinaryPrimitives.WriteUInt16LittleEndian(bc[2..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(bc[4..], (ushort)(blockLength - 1));
        output.Write(header);
        output.Write(deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, ManagedCrc32.Compute(chunk));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)chunk.Length);
        output.Write(trailer);
    }

    /// <summary>Plain gzip, one member per chunk, as <c>gzip -c a b</c> or <c>cat a.gz b.gz</c> would make.</summary>
    public static byte[] WriteGzip(ReadOnlySpan<byte> data, int members = 1)
    {
        using var output = new MemoryStream();
        var per = Math.Max(1, (data.Length + members - 1) / Math.Max(1, members));
        do
        {
            var size = Math.Min(per, data.Length);
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(data[..size]);
            }

            data = data[size..];
        }
        while (!data.IsEmpty);
        return output.ToArray();
    }
}
