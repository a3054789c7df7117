using System.Text;

namespace Genomics.Tests.Plink;

/// <summary>A read-only stream that makes .bim lines as they are read, counting the bytes it hands out.</summary>
internal sealed class GeneratedBimStream(long lines) : Stream
{
    private readonly byte[] pending = new byte[64];
    private int pendingStart;
    private int pendingEnd;
    private long nextLine;

    public long BytesServed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesServed; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (pendingStart == pendingEnd)
            {
                if (nextLine == lines)
                {
                    break;
                }

                nextLine++;
                pendingStart = 0;
                pendingEnd = Encoding.ASCII.GetBytes($"1\trs{nextLine}\t0\t{nextLine}\tA\tG\n", pending);
            }

            var take = Math.Min(buffer.Length - written, pendingEnd - pendingStart);
            pending.AsSpan(pendingStart, take).CopyTo(buffer[written..]);
            pendingStart += take;
            written += take;
        }

        BytesServed += written;
        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
