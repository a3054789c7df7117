using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Genomics.Bgzf;

/// <summary>
/// Inflates with .NET's DeflateStream, for machines without libdeflate. DeflateStream cannot say how much input
/// it used, so data left over after the DEFLATE end is not noticed here; the CRC and ISIZE checks still catch
/// every change to the output.
/// </summary>
internal sealed class ManagedDeflateDecoder : DeflateDecoder
{
    private readonly PayloadStream _payload = new();

    public override InflateBackend Backend => InflateBackend.Managed;

    public override InflateStatus Inflate(ReadOnlyMemory<byte> deflate, Span<byte> output, out int written)
    {
        if (!MemoryMarshal.TryGetArray(deflate, out var segment))
        {
            throw new ArgumentException("block buffers are arrays", nameof(deflate));
        }

        _payload.Reset(segment.Array!, segment.Offset, segment.Count);
        written = 0;
        try
        {
            using var inflater = new DeflateStream(_payload, CompressionMode.Decompress, leaveOpen: true);
            int n;
            while (written < output.Length && (n = inflater.Read(output[written..])) > 0)
            {
                written += n;
            }

            if (written == output.Length)
            {
                Span<byte> probe = stackalloc byte[1];
                if (inflater.Read(probe) > 0)
                {
                    written = 0;
                    return InflateStatus.TooLong;
                }
            }

            return InflateStatus.Ok;
        }
        catch (InvalidDataException)
        {
            written = 0;
            return InflateStatus.BadData;
        }
    }

    public override uint Crc32(ReadOnlySpan<byte> data) => ManagedCrc32.Compute(data);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _payload.Dispose();
        }

        base.Dispose(disposing);
    }
}
