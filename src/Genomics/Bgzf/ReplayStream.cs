namespace Genomics.Bgzf;

/// <summary>
/// Gives back the bytes read for format detection before the rest of a source that cannot seek (a pipe, stdin).
/// </summary>
internal sealed class ReplayStream : ForwardReadStream
{
    private readonly byte[] _head;
    private readonly Stream _rest;
    private readonly bool _leaveOpen;
    private int _replayed;

    public ReplayStream(byte[] head, Stream rest, bool leaveOpen)
    {
        _head = head;
        _rest = rest;
        _leaveOpen = leaveOpen;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_replayed < _head.Length)
        {
            var n = Math.Min(buffer.Length, _head.Length - _replayed);
            _head.AsSpan(_replayed, n).CopyTo(buffer);
            _replayed += n;
            return n;
        }

        return _rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_replayed < _head.Length)
        {
            return Read(buffer.Span);
        }

        return await _rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
