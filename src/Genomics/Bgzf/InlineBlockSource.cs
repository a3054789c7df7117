namespace Genomics.Bgzf;

/// <summary>Reads and inflates each block on the caller's thread when it is asked for: one thread, no tasks, no locks.</summary>
internal sealed class InlineBlockSource : IBlockSource
{
    private readonly RawBlockReader _reader;
    private readonly DeflateDecoder _decoder;
    private readonly string _file;
    private readonly BgzfBlock _block = new();

    public InlineBlockSource(Stream source, string file, InflateBackend backend)
    {
        _reader = new RawBlockReader(source, file);
        _decoder = DeflateDecoder.Create(backend);
        _file = file;
    }

    public BgzfBlock Next()
    {
        var offset = _reader.FileOffset;
        try
        {
            if (_reader.ReadNext(_block))
            {
                BlockInflater.Inflate(_block, _decoder, _file);
            }
            else
            {
                _block.MarkEnd(offset, null);
            }
        }
        catch (GenomicsFormatException e)
        {
            _block.MarkEnd(offset, e);
        }

        return _block;
    }

    public ValueTask<BgzfBlock> NextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Next());
    }

    public void Release(BgzfBlock block)
    {
    }

    public void Dispose()
    {
        _block.Dispose();
        _decoder.Dispose();
        _reader.Dispose();
    }
}
