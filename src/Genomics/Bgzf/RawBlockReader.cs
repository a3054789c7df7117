using System.Buffers;

namespace Genomics.Bgzf;

/// <summary>
/// Cuts the compressed file into raw BGZF blocks, in order, on one thread. It keeps its own read-ahead buffer so
/// that any source (a file opened unbuffered, a pipe) is read in large chunks, not one small header at a time.
/// </summary>
internal sealed class RawBlockReader : IDisposable
{
    private const int ReadAheadLength = 4 * BgzfLayout.MaxBlockLength;

    private readonly Stream _source;
    private readonly string _file;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(ReadAheadLength);
    private long _bufferFileOffset;
    private int _start;
    private int _end;
    private bool _sourceDone;
    private bool _lastWasEndOfFileMarker;

    public RawBlockReader(Stream source, string file)
    {
        _source = source;
        _file = file;
    }

    /// <summary>Offset in the compressed file of the next block to read.</summary>
    public long FileOffset => _bufferFileOffset + _start;

    /// <summary>
    /// Reads the next block's raw bytes into <paramref name="target"/>; false at a clean end of the file.
    /// </summary>
    /// <exception cref="GenomicsFormatException">The file ends early or the next block's header is damaged.</exception>
    public bool ReadNext(BgzfBlock target)
    {
        var offset = FileOffset;
        if (!Fill(1))
        {
            if (!_lastWasEndOfFileMarker)
            {
                throw new GenomicsFormatException(
                    InputErrorKind.Truncated, _file, "no BGZF end-of-file block: the file is probably truncated", offset: offset);
            }

            return false;
        }

        var needed = BgzfLayout.CommonHeaderLength;
        BgzfBlockHeader header;
        while (true)
        {
            var have = Fill(needed) ? needed : _end - _start;
            var parse = BgzfBlockHeader.Parse(Buffer.AsSpan(_start, have), out header, out var more, out var problem);
            if (parse == HeaderParse.Ok)
            {
                break;
            }

            if (parse == HeaderParse.Damaged)
            {
                throw new GenomicsFormatException(InputErrorKind.Corrupt, _file, problem, offset: offset);
            }

            if (have < more && _sourceDone)
            {
                throw new GenomicsFormatException(
                    InputErrorKind.Truncated, _file, $"the file ends inside a BGZF block header ({have} bytes of at least {more})", offset: offset);
            }

            needed = more;
        }

        if (!Fill(header.BlockLength))
        {
            throw new GenomicsFormatException(
                InputErrorKind.Truncated,
                _file,
                $"the file ends inside a BGZF block: the block needs {header.BlockLength} bytes but only {_end - _start} remain",
                offset: offset);
        }

        Buffer.AsSpan(_start, header.BlockLength).CopyTo(target.Raw);
        _start += header.BlockLength;
        target.Load(offset, header);
        _lastWasEndOfFileMarker = target.IsEndOfFileMarker;
        return true;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(RawBlockReader));

    /// <summary>Makes at least <paramref name="count"/> unread bytes available if the source has them.</summary>
    private bool Fill(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        var buffer = Buffer;
        if (_start > 0)
        {
            buffer.AsSpan(_start, _end - _start).CopyTo(buffer);
            _bufferFileOffset += _start;
            _end -= _start;
            _start = 0;
        }

        while (_end < count && !_sourceDone)
        {
            var n = _source.Read(buffer, _end, buffer.Length - _end);
            if (n == 0)
            {
                _sourceDone = true;
            }

            _end += n;
        }

        return _end >= count;
    }
}
