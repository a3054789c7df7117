using System.Buffers;
using System.IO.Compression;
using System.Runtime.ExceptionServices;

namespace Genomics.Bgzf;

/// <summary>
/// The decompressed bytes of a plain (non-BGZF) gzip file, one or many members, on one thread through GZipStream.
/// Adds what GZipStream lacks: a cut-off file is reported as Truncated instead of ending quietly (see
/// <see cref="GzipSentinel"/>), and damage as Corrupt with the file and an approximate compressed offset.
/// </summary>
internal sealed class GzipInputStream : ForwardReadStream
{
    private const int ChunkLength = 64 * 1024;

    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly string _file;
    private readonly GzipSentinel _sentinel = new();
    private readonly SentinelFeed _feed;
    private readonly GZipStream _gzip;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(ChunkLength + GzipSentinel.MarkerLength);
    private int _start;
    private int _end;
    private bool _inflaterDone;
    private ExceptionDispatchInfo? _failure;
    private long _delivered;

    public GzipInputStream(Stream source, string file, bool leaveOpen)
    {
        _source = source;
        _leaveOpen = leaveOpen;
        _file = file;
        _feed = new SentinelFeed(source, _sentinel.Member);
        _gzip = new GZipStream(_feed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override bool CanRead => _buffer is not null;

    /// <summary>Decompressed bytes delivered so far; setting it is not supported.</summary>
    public override long Position
    {
        get => _delivered;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var chunk = _buffer ?? throw new ObjectDisposedException(nameof(GzipInputStream));
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // The last MarkerLength bytes are held back until the end shows whether they are the sentinel's marker.
        while (!_inflaterDone && _end - _start <= GzipSentinel.MarkerLength)
        {
            Inflate(chunk);
        }

        var releasable = _end - _start - (_inflaterDone ? 0 : GzipSentinel.MarkerLength);
        var n = Math.Min(releasable, buffer.Length);
        if (n == 0)
        {
            _failure?.Throw();
            return 0;
        }

        chunk.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        _delivered += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } chunk)
        {
            ArrayPool<byte>.Shared.Return(chunk);
            _gzip.Dispose();
            _feed.Dispose();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Inflate(byte[] chunk)
    {
        if (_start > 0)
        {
            chunk.AsSpan(_start, _end - _start).CopyTo(chunk);
            _end -= _start;
            _start = 0;
        }

        int n;
        try
        {
            n = _gzip.Read(chunk, _end, chunk.Length - _end);
        }
        catch (InvalidDataException e)
        {
            // Bytes already inflated are sound (zlib checks as it goes), so they are still delivered before the error.
            _failure = ExceptionDispatchInfo.Capture(_feed.PastSourceEnd
                ? Truncated(e)
                : new GenomicsFormatException(
                    InputErrorKind.Corrupt,
                    _file,
                    "invalid gzip data (the offset is how far the file had been read when the damage showed)",
                    offset: _feed.SourceBytesRead,
                    innerException: e));
            _inflaterDone = true;
            return;
        }

        _end += n;
        if (n > 0)
        {
            return;
        }

        _inflaterDone = true;
        var tail = _end - GzipSentinel.MarkerLength;
        if (tail >= _start && chunk.AsSpan(tail, GzipSentinel.MarkerLength).SequenceEqual(_sentinel.Marker.Span))
        {
            _end = tail;
        }
        else
        {
            _failure = ExceptionDispatchInfo.Capture(Truncated(null));
        }
    }

    private GenomicsFormatException Truncated(Exception? inner) => new(
        InputErrorKind.Truncated,
        _file,
        "the gzip data ends early: the file is probably truncated (or has bytes after its last gzip member that are not gzip)",
        offset: _feed.SourceBytesRead,
        innerException: inner);
}
