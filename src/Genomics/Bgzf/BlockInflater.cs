namespace Genomics.Bgzf;

/// <summary>
/// Inflates one raw block and checks it against its trailer, so that damage anywhere in the block is reported
/// with the block's offset rather than passed on as wrong text.
/// </summary>
internal static class BlockInflater
{
    /// <summary>Inflates <paramref name="block"/> into its data buffer; on damage, sets its <see cref="BgzfBlock.Error"/>.</summary>
    public static void Inflate(BgzfBlock block, DeflateDecoder decoder, string file)
    {
        var expectedLength = block.ExpectedLength;
        if (expectedLength > BgzfLayout.MaxInflatedLength)
        {
            block.Error = Corrupt(block, file, $"ISIZE says the block inflates to {expectedLength} bytes, more than BGZF's 65536");
            return;
        }

        // One byte of spare room lets the decoder tell "longer than ISIZE" apart from "exactly ISIZE".
        var room = block.Data.AsSpan(0, Math.Min((int)expectedLength + 1, block.Data.Length));
        var status = decoder.Inflate(block.Payload, room, out var written);
        block.DataLength = written;
        var problem = status switch
        {
            InflateStatus.BadData => "invalid DEFLATE data",
            InflateStatus.InputLeftOver => "bytes left over after the end of the DEFLATE data",
            InflateStatus.TooLong => $"the data inflates to more than the {expectedLength} bytes ISIZE gives",
            _ when written != expectedLength => $"the data inflates to {written} bytes but ISIZE gives {expectedLength}",
            _ => null,
        };

        if (problem is null)
        {
            var crc = decoder.Crc32(block.DataSpan);
            if (crc != block.ExpectedCrc)
            {
                problem = $"CRC32 of the inflated data is {crc:x8} but the block's trailer gives {block.ExpectedCrc:x8}";
            }
        }

        if (problem is not null)
        {
            block.DataLength = 0;
            block.Error = Corrupt(block, file, problem);
        }
    }

    private static GenomicsFormatException Corrupt(BgzfBlock block, string file, string problem) =>
        new(InputErrorKind.Corrupt, file, $"damaged BGZF block (offset is the block start): {problem}", offset: block.FileOffset);
}
