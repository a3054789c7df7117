namespace Genomics.Bgzf;

/// <summary>
/// Tells BGZF, plain gzip and uncompressed input apart from a file's first bytes, and rejects what looks like
/// gzip but cannot be read (damaged header, truncated header, empty file) before any parsing starts.
/// </summary>
public static class CompressionDetector
{
    /// <summary>Bytes to pass to <see cref="Detect"/> (or the whole file, if shorter): a gzip header with the largest extra field.</summary>
    public const int HeadLength = BgzfLayout.MaxHeaderLength;

    // The bytes of a usual 18-byte BGZF header that do not vary from file to file (MTIME, XFL and OS do).
    private static ReadOnlySpan<byte> TemplatePositions => [0, 1, 2, 3, 10, 11, 12, 13, 14, 15];

    private static ReadOnlySpan<byte> TemplateBytes => [0x1f, 0x8b, 0x08, 0x04, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00];

    /// <summary>Classifies a file by its first bytes.</summary>
    /// <param name="head">The first <see cref="HeadLength"/> bytes of the file, or all of it if it is shorter.</param>
    /// <param name="isWholeFile">Whether <paramref name="head"/> holds the whole file (so a short header means a cut file).</param>
    /// <param name="file">The file's name as errors should show it.</param>
    /// <exception cref="GenomicsFormatException">
    /// The file is empty (NotRecognized), ends inside its first gzip header (Truncated), or has a damaged gzip or
    /// BGZF header (Corrupt).
    /// </exception>
    public static CompressionFormat Detect(ReadOnlySpan<byte> head, bool isWholeFile, string file)
    {
        if (!isWholeFile && head.Length < HeadLength)
        {
            throw new ArgumentException($"pass at least {HeadLength} bytes, or the whole file", nameof(head));
        }

        if (head.IsEmpty)
        {
            throw new GenomicsFormatException(InputErrorKind.NotRecognized, file, "empty file", offset: 0);
        }

        var parse = BgzfBlockHeader.Parse(head, out _, out _, out var problem);
        if (parse == HeaderParse.Ok)
        {
            return CompressionFormat.Bgzf;
        }

        // A header that is BGZF in all but one or two fixed bytes is a damaged BGZF file, not another format.
        if (CountTemplateMatches(head) >= TemplateBytes.Length - 2)
        {
            var reason = parse == HeaderParse.Damaged ? problem : "damaged BGZF block header";
            throw new GenomicsFormatException(InputErrorKind.Corrupt, file, reason, offset: 0);
        }

        var looksGzip = head[0] == BgzfLayout.Id1 && (head.Length == 1 || head[1] == BgzfLayout.Id2);
        if (!looksGzip)
        {
            return CompressionFormat.Uncompressed;
        }

        if (head.Length < BgzfLayout.FixedHeaderLength - 2)
        {
            throw new GenomicsFormatException(
                InputErrorKind.Truncated, file, $"the file ends inside its gzip header ({head.Length} bytes)", offset: 0);
        }

        if (head[2] != BgzfLayout.DeflateMethod)
        {
            throw new GenomicsFormatException(
                InputErrorKind.Corrupt, file, $"damaged gzip header: compression method {head[2]} is not DEFLATE (8)", offset: 2);
        }

        if ((head[3] & BgzfLayout.ReservedFlags) != 0)
        {
            throw new GenomicsFormatException(
                InputErrorKind.Corrupt, file, $"damaged gzip header: reserved flag bits are set (FLG {head[3]:x2})", offset: 3);
        }

        return CompressionFormat.Gzip;
    }

    private static int CountTemplateMatches(ReadOnlySpan<byte> head)
    {
        if (head.Length < BgzfLayout.CommonHeaderLength)
        {
            return 0;
        }

        var matches = 0;
        for (var i = 0; i < TemplatePositions.Length; i++)
        {
            if (head[TemplatePositions[i]] == TemplateBytes[i])
            {
                matches++;
            }
        }

        return matches;
    }
}
