namespace Genomics.Bgzf;

/// <summary>What a DEFLATE decoder made of one block's compressed data.</summary>
internal enum InflateStatus
{
    Ok,

    /// <summary>The bits are not valid DEFLATE (or the stream stops before its final block).</summary>
    BadData,

    /// <summary>The stream inflates to more than the room given, which is more than ISIZE allows.</summary>
    TooLong,

    /// <summary>The stream ended before the block's compressed data did.</summary>
    InputLeftOver,
}
