using System.Globalization;

namespace Genomics.Bgzf;

/// <summary>
/// Where a byte of decompressed input came from: its offset in the decompressed data and, for BGZF, the block
/// holding it (the block's offset in the compressed file and the byte's offset inside the block, which together
/// make the BGZF virtual offset that tabix and <c>bgzip -b</c> use).
/// </summary>
/// <param name="UncompressedOffset">Offset of the byte in the decompressed data.</param>
/// <param name="BlockOffset">Offset of the BGZF block in the compressed file, if known.</param>
/// <param name="OffsetInBlock">Offset of the byte inside the block's inflated data, if known.</param>
public readonly record struct InputLocation(long UncompressedOffset, long? BlockOffset = null, int? OffsetInBlock = null)
{
    /// <summary>The BGZF virtual offset (block offset shifted left 16 bits, plus the offset in the block), if known.</summary>
    public long? VirtualOffset => BlockOffset is { } block && OffsetInBlock is { } within ? (block << 16) | (long)within : null;

    /// <summary>A phrase for error messages, e.g. "decompressed byte 70000 (BGZF block at byte 21034, +4464)".</summary>
    public string Describe() => BlockOffset is { } block && OffsetInBlock is { } within
        ? string.Create(CultureInfo.InvariantCulture, $"decompressed byte {UncompressedOffset} (BGZF block at byte {block}, +{within})")
        : string.Create(CultureInfo.InvariantCulture, $"decompressed byte {UncompressedOffset}");
}
