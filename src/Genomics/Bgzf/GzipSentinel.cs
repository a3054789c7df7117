using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Genomics.Bgzf;

/// <summary>
/// A tiny gzip member holding a random marker, fed to GZipStream after the real file. GZipStream silently stops
/// at a cut-off file, so this is how a truncated plain-gzip file is told from a complete one: only a complete
/// file lets the inflater reach the sentinel member and emit the marker as the very last decompressed bytes.
/// </summary>
internal sealed class GzipSentinel
{
    public const int MarkerLength = 16;

    public GzipSentinel()
    {
        var marker = new byte[MarkerLength];
        RandomNumberGenerator.Fill(marker);
        Marker = marker;

        // A header with no options, one stored DEFLATE block (BFINAL=1, LEN, NLEN), then CRC32 and ISIZE.
        var member = new byte[10 + 5 + MarkerLength + 8];
        ReadOnlySpan<byte> header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];
        header.CopyTo(member);
        member[10] = 0x01;
        BinaryPrimitives.WriteUInt16LittleEndian(member.AsSpan(11), MarkerLength);
        BinaryPrimitives.WriteUInt16LittleEndian(member.AsSpan(13), unchecked((ushort)~MarkerLength));
        marker.CopyTo(member.AsSpan(15));
        BinaryPrimitives.WriteUInt32LittleEndian(member.AsSpan(15 + MarkerLength), ManagedCrc32.Compute(marker));
        BinaryPrimitives.WriteUInt32LittleEndian(member.AsSpan(19 + MarkerLength), MarkerLength);
        Member = member;
    }

    /// <summary>The bytes the sentinel member inflates to.</summary>
    public ReadOnlyMemory<byte> Marker { get; }

    /// <summary>The whole gzip member.</summary>
    public ReadOnlyMemory<byte> Member { get; }
}
