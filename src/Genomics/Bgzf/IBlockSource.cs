namespace Genomics.Bgzf;

/// <summary>Hands inflated blocks to the stream strictly in file order, one at a time.</summary>
internal interface IBlockSource : IDisposable
{
    /// <summary>
    /// The next block, inflated. A block with <see cref="BgzfBlock.Error"/> or <see cref="BgzfBlock.IsEnd"/> is the
    /// last one handed out.
    /// </summary>
    BgzfBlock Next();

    /// <inheritdoc cref="Next"/>
    ValueTask<BgzfBlock> NextAsync(CancellationToken cancellationToken);

    /// <summary>Gives back the block from the last <see cref="Next"/> once its data has been copied out.</summary>
    void Release(BgzfBlock block);
}
