using System.Buffers.Binary;

namespace Genomics.Bgzf;

/// <summary>The parts of a BGZF block header that locate its data: the extra field's length and the block's length.</summary>
internal readonly record struct BgzfBlockHeader(int ExtraLength, int BlockLength)
{
    public int PayloadStart => BgzfLayout.FixedHeaderLength + ExtraLength;

    public int PayloadLength => BlockLength - PayloadStart - BgzfLayout.TrailerLength;

    /// <summary>
    /// Reads a block header from the start of <paramref name="bytes"/>. On <see cref="HeaderParse.NeedMore"/>,
    /// <paramref name="needed"/> says how many bytes to supply next time; on <see cref="HeaderParse.Damaged"/>,
    /// <paramref name="problem"/> says what is wrong in words.
    /// </summary>
    public static HeaderParse Parse(ReadOnlySpan<byte> bytes, out BgzfBlockHeader header, out int needed, out string problem)
    {
        header = default;
        problem = string.Empty;
        needed = BgzfLayout.FixedHeaderLength;
        ReadOnlySpan<byte> magic = [BgzfLayout.Id1, BgzfLayout.Id2, BgzfLayout.DeflateMethod, BgzfLayout.FlagExtra];
        var seen = Math.Min(bytes.Length, magic.Length);
        if (!bytes[..seen].SequenceEqual(magic[..seen]))
        {
            problem = $"not a BGZF block: expected gzip magic 1f 8b 08 04, found {Convert.ToHexString(bytes[..seen])}";
            return HeaderParse.Damaged;
        }

        if (bytes.Length < BgzfLayout.FixedHeaderLength)
        {
            return HeaderParse.NeedMore;
        }

        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]);
        needed = BgzfLayout.FixedHeaderLength + extraLength;
        if (bytes.Length < needed)
        {
            return HeaderParse.NeedMore;
        }

        var extra = bytes.Slice(BgzfLayout.FixedHeaderLength, extraLength);
        var blockSize = -1;
        while (extra.Length > 0)
        {
            if (extra.Length < 4)
            {
                problem = "damaged BGZF header: a gzip extra subfield runs past the extra field";
                return HeaderParse.Damaged;
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (extra.Length < 4 + length)
            {
                problem = "damaged BGZF header: a gzip extra subfield runs past the extra field";
                return HeaderParse.Damaged;
            }

            if (extra[0] == (byte)'B' && extra[1] == (byte)'C' && length == 2)
            {
                blockSize = BinaryPrimitives.ReadUInt16LittleEndian(extra[4..]) + 1;
            }

            extra = extra[(4 + length)..];
        }

        if (blockSize < 0)
        {
            problem = "not a BGZF block: the gzip header has no BC subfield giving the block size";
            return HeaderParse.Damaged;
        }

        var smallest = BgzfLayout.FixedHeaderLength + extraLength + BgzfLayout.TrailerLength;
        if (blockSize < smallest)
        {
            problem = $"damaged BGZF header: BSIZE says the block is {blockSize} bytes, less than its own {smallest}-byte header and trailer";
            return HeaderParse.Damaged;
        }

        header = new BgzfBlockHeader(extraLength, blockSize);
        return HeaderParse.Ok;
    }
}
