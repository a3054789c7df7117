using System.Buffers;
using System.Buffers.Binary;

namespace Genomics.Bgzf;

/// <summary>
/// One BGZF block on its way through the reader: its raw bytes as read, then its inflated bytes. Instances are
/// reused block after block (their two 64 KiB buffers come from the pool once), so reading allocates nothing per block.
/// </summary>
internal sealed class BgzfBlock : IDisposable
{
    private byte[]? _raw = ArrayPool<byte>.Shared.Rent(BgzfLayout.MaxBlockLength);
    private byte[]? _data = ArrayPool<byte>.Shared.Rent(BgzfLayout.MaxInflatedLength);

    public byte[] Raw => _raw ?? throw new ObjectDisposedException(nameof(BgzfBlock));

    public byte[] Data => _data ?? throw new ObjectDisposedException(nameof(BgzfBlock));

    /// <summary>Where the block starts in the compressed file.</summary>
    public long FileOffset { get; private set; }

    public BgzfBlockHeader Header { get; private set; }

    /// <summary>Bytes of inflated data in <see cref="Data"/> once inflated.</summary>
    public int DataLength { get; set; }

    /// <summary>The reason this block cannot be delivered; the reader raises it when the block's turn comes.</summary>
    public Exception? Error { get; set; }

    /// <summary>Marks the slot after the last block: no data, the stream ends here (with <see cref="Error"/> if any).</summary>
    public bool IsEnd { get; set; }

    public ReadOnlyMemory<byte> Payload => Raw.AsMemory(Header.PayloadStart, Header.PayloadLength);

    public uint ExpectedCrc => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(Header.BlockLength - 8));

    public uint ExpectedLength => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(Header.BlockLength - 4));

    public bool IsEndOfFileMarker => Raw.AsSpan(0, Header.BlockLength).SequenceEqual(BgzfLayout.EndOfFileMarker);

    public ReadOnlySpan<byte> DataSpan => Data.AsSpan(0, DataLength);

    /// <summary>Makes the slot hold a freshly read raw block whose bytes are already in <see cref="Raw"/>.</summary>
    public void Load(long fileOffset, BgzfBlockHeader header)
    {
        FileOffset = fileOffset;
        Header = header;
        DataLength = 0;
        Error = null;
        IsEnd = false;
    }

    /// <summary>Makes the slot the end of the stream, clean or with an error to raise.</summary>
    public void MarkEnd(long fileOffset, Exception? error)
    {
        FileOffset = fileOffset;
        Header = default;
        DataLength = 0;
        Error = error;
        IsEnd = true;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _raw, null) is { } raw)
        {
            ArrayPool<byte>.Shared.Return(raw);
        }

        if (Interlocked.Exchange(ref _data, null) is { } data)
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }
}
