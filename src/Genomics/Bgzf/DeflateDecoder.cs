namespace Genomics.Bgzf;

/// <summary>
/// Inflates whole raw-DEFLATE buffers and computes CRC32, one instance per thread (decoder state is not shared).
/// </summary>
internal abstract class DeflateDecoder : IDisposable
{
    public abstract InflateBackend Backend { get; }

    public static DeflateDecoder Create(InflateBackend backend) => backend switch
    {
        InflateBackend.Libdeflate => new LibdeflateDecoder(),
        InflateBackend.Managed => new ManagedDeflateDecoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "unknown inflate backend"),
    };

    /// <summary>Inflates all of <paramref name="deflate"/> into <paramref name="output"/>.</summary>
    public abstract InflateStatus Inflate(ReadOnlyMemory<byte> deflate, Span<byte> output, out int written);

    /// <summary>The gzip CRC32 (reflected 0xEDB88320 polynomial, pre- and post-inverted) of <paramref name="data"/>.</summary>
    public abstract uint Crc32(ReadOnlySpan<byte> data);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
