namespace Genomics.Bgzf;

/// <summary>Fixed numbers of the BGZF and gzip layouts (SAM specification §4.1, RFC 1952).</summary>
internal static class BgzfLayout
{
    public const byte Id1 = 0x1f;
    public const byte Id2 = 0x8b;
    public const byte DeflateMethod = 8;
    public const byte FlagExtra = 0x04;

    /// <summary>Flag bits RFC 1952 reserves; a header with any of them set is damaged.</summary>
    public const byte ReservedFlags = 0xe0;

    /// <summary>ID1 ID2 CM FLG MTIME(4) XFL OS XLEN(2): the part of every gzip header before the extra field.</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>CRC32 and ISIZE after the deflate data.</summary>
    public const int TrailerLength = 8;

    /// <summary>The header of a block whose only extra subfield is BC, as nearly every writer emits it.</summary>
    public const int CommonHeaderLength = 18;

    /// <summary>BSIZE is 16 bits and counts the whole block minus one, so no block is longer than this.</summary>
    public const int MaxBlockLength = 65536;

    /// <summary>The specification caps a block's uncompressed data at 64 KiB.</summary>
    public const int MaxInflatedLength = 65536;

    /// <summary>Enough bytes to see any gzip header up to the end of its largest possible extra field.</summary>
    public const int MaxHeaderLength = FixedHeaderLength + ushort.MaxValue;

    /// <summary>The empty block every BGZF writer appends, so a reader can tell a complete file from a cut one.</summary>
    public static ReadOnlySpan<byte> EndOfFileMarker =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43,
        0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];
}
