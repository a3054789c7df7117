namespace Genomics.Bgzf;

/// <summary>
/// A read-only stream over one block's compressed bytes that can be pointed at the next block, so the managed
/// decoder does not allocate a MemoryStream per block.
/// </summary>
internal sealed class PayloadStream : ForwardReadStream
{
    private byte[] _buffer = [];
    private int _position;
    private int _end;

    public void Reset(byte[] buffer, int offset, int count)
    {
        _buffer = buffer;
        _position = offset;
        _end = offset + count;
    }

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _end - _position);
        _buffer.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

}
