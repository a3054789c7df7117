namespace Genomics.Bgzf;

/// <summary>Inflates through the system's libdeflate, which decodes a whole buffer at once without stream state.</summary>
internal sealed class LibdeflateDecoder : DeflateDecoder
{
    private nint _decompressor;

    public LibdeflateDecoder()
    {
        _decompressor = LibdeflateNative.AllocDecompressor();
        if (_decompressor == 0)
        {
            throw new InsufficientMemoryException("libdeflate could not allocate a decompressor");
        }
    }

    ~LibdeflateDecoder() => Dispose(disposing: false);

    public override InflateBackend Backend => InflateBackend.Libdeflate;

    public override unsafe InflateStatus Inflate(ReadOnlyMemory<byte> deflate, Span<byte> output, out int written)
    {
        ObjectDisposedException.ThrowIf(_decompressor == 0, this);
        nuint actualIn;
        nuint actualOut;
        int result;
        fixed (byte* input = deflate.Span)
        fixed (byte* outputPointer = output)
        {
            result = LibdeflateNative.DeflateDecompressEx(
                _decompressor, input, (nuint)deflate.Length, outputPointer, (nuint)output.Length, &actualIn, &actualOut);
        }

        written = result == LibdeflateNative.Success ? (int)actualOut : 0;
        return result switch
        {
            LibdeflateNative.Success when actualIn != (nuint)deflate.Length => InflateStatus.InputLeftOver,
            LibdeflateNative.Success => InflateStatus.Ok,
            LibdeflateNative.InsufficientSpace => InflateStatus.TooLong,
            _ => InflateStatus.BadData,
        };
    }

    public override unsafe uint Crc32(ReadOnlySpan<byte> data)
    {
        fixed (byte* pointer = data)
        {
            return LibdeflateNative.Crc32(0, pointer, (nuint)data.Length);
        }
    }

    protected override void Dispose(bool disposing)
    {
        var decompressor = Interlocked.Exchange(ref _decompressor, 0);
        if (decompressor != 0)
        {
            LibdeflateNative.FreeDecompressor(decompressor);
        }

        base.Dispose(disposing);
    }
}
