using System.Runtime.ExceptionServices;

namespace Genomics.Bgzf;

/// <summary>
/// The decompressed bytes of a BGZF file as a forward-only stream. Blocks are inflated on
/// <see cref="BgzfReaderOptions.Threads"/> threads and delivered strictly in file order; every block is checked
/// against its CRC32 and ISIZE. Damage or truncation is raised as a <see cref="GenomicsFormatException"/> only
/// after every intact byte before it has been delivered.
/// </summary>
internal sealed class BgzfStream : Stream
{
    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly IBlockSource _blocks;
    private readonly BlockWindow _window = new();
    private BgzfBlock? _current;
    private int _position;
    private long _delivered;
    private ExceptionDispatchInfo? _failure;
    private bool _ended;
    private bool _disposed;

    /// <summary>Starts reading BGZF blocks from <paramref name="source"/> (positioned at the first block).</summary>
    /// <param name="source">The compressed bytes.</param>
    /// <param name="file">The file's name as errors should show it.</param>
    /// <param name="options">Threads and backend; null for <see cref="BgzfReaderOptions.Default"/>.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="source"/> open.</param>
    public BgzfStream(Stream source, string file, BgzfReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        options ??= BgzfReaderOptions.Default;
        options.Validate();
        _source = source;
        _leaveOpen = leaveOpen;
        FilePath = file;
        Backend = options.EffectiveBackend;
        Threads = options.Threads;
        _blocks = Threads == 1
            ? new InlineBlockSource(source, file, Backend)
            : new ParallelBlockSource(source, file, Backend, Threads, options.EffectiveBlocksInFlight);
    }

    /// <summary>The file's name as errors show it.</summary>
    public string FilePath { get; }

    /// <summary>The DEFLATE decoder in use.</summary>
    public InflateBackend Backend { get; }

    /// <summary>Threads inflating blocks (1: inline on the reading thread).</summary>
    public int Threads { get; }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Decompressed bytes delivered so far; setting it is not supported.</summary>
    public override long Position
    {
        get => _delivered;
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Places a decompressed offset in its BGZF block, for error messages. Offsets in the last few thousand
    /// delivered blocks are placed; others come back with only <see cref="InputLocation.UncompressedOffset"/>.
    /// </summary>
    public InputLocation Locate(long uncompressedOffset) => _window.Locate(uncompressedOffset);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var copied = 0;
        while (true)
        {
            copied += CopyOut(buffer[copied..]);
            if (copied == buffer.Length || _ended)
            {
                return Finish(copied);
            }

            Accept(_blocks.Next());
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var copied = 0;
        while (true)
        {
            copied += CopyOut(buffer.Span[copied..]);
            if (copied == buffer.Length || _ended)
            {
                return Finish(copied);
            }

            Accept(await _blocks.NextAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _blocks.Dispose();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private int CopyOut(Span<byte> destination)
    {
        if (_current is null)
        {
            return 0;
        }

        var available = _current.DataSpan[_position..];
        var n = Math.Min(available.Length, destination.Length);
        available[..n].CopyTo(destination);
        _position += n;
        _delivered += n;
        if (_position == _current.DataLength)
        {
            _blocks.Release(_current);
            _current = null;
        }

        return n;
    }

    private void Accept(BgzfBlock block)
    {
        if (block.Error is { } error)
        {
            _failure = ExceptionDispatchInfo.Capture(error);
            _ended = true;
        }
        else if (block.IsEnd)
        {
            _ended = true;
        }
        else
        {
            _window.Record(_delivered, block.FileOffset, block.DataLength);
            _current = block;
            _position = 0;
            if (block.DataLength == 0)
            {
                // Empty blocks (the end-of-file marker, flush points) carry nothing to copy; hand them straight back.
                _blocks.Release(block);
                _current = null;
            }
        }
    }

    /// <summary>Returns what was copied; an error waits until the bytes before it have all been handed out.</summary>
    private int Finish(int copied)
    {
        if (copied == 0 && _failure is not null)
        {
            _failure.Throw();
        }

        return copied;
    }
}
