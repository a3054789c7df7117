namespace Genomics.Bgzf;

/// <summary>The compressed source followed by the sentinel member, counting how far the inflater has pulled.</summary>
internal sealed class SentinelFeed : ForwardReadStream
{
    private readonly Stream _source;
    private readonly ReadOnlyMemory<byte> _sentinel;
    private int _sentinelServed;

    public SentinelFeed(Stream source, ReadOnlyMemory<byte> sentinel)
    {
        _source = source;
        _sentinel = sentinel;
    }

    /// <summary>Bytes of the real file handed to the inflater so far.</summary>
    public long SourceBytesRead { get; private set; }

    /// <summary>Whether the inflater has asked for bytes past the end of the real file.</summary>
    public bool PastSourceEnd => _sentinelServed > 0;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // Real bytes and sentinel bytes never share a read, so an error's timing says which one it came from.
        if (_sentinelServed == 0)
        {
            var n = _source.Read(buffer);
            if (n > 0)
            {
                SourceBytesRead += n;
                return n;
            }
        }

        var rest = _sentinel.Span[_sentinelServed..];
        var take = Math.Min(rest.Length, buffer.Length);
        rest[..take].CopyTo(buffer);
        _sentinelServed += take;
        return take;
    }

}
