using System.Security.Cryptography;
using Genomics.Bgzf;

namespace Genomics.Conversion;

/// <summary>
/// A read-through stream over the input as stored: hashes it for the manifest (one read serves both, and standard
/// input can be read only once) and counts bytes for the progress line.
/// </summary>
internal sealed class InputTap(Stream inner) : ForwardReadStream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long bytesRead;

    /// <summary>Bytes read so far (safe to read from another thread).</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads what is left (a reader may stop before the end) and returns the SHA-256 of everything, lower-case hex.</summary>
    public string Finish()
    {
        var rest = new byte[1 << 16];
        while (Read(rest, 0, rest.Length) > 0)
        {
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        hash.AppendData(buffer[..n]);
        Interlocked.Add(ref bytesRead, n);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
