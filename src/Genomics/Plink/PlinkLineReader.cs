using System.Buffers;

namespace Genomics.Plink;

/// <summary>
/// Splits a byte stream into lines without decoding it, remembering each line's terminator so it can be written back
/// exactly. Memory is one pooled buffer that grows only for a line longer than it.
/// </summary>
internal sealed class PlinkLineReader : IDisposable
{
    internal const string Lf = "\n";
    internal const string CrLf = "\r\n";

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private byte[] buffer;
    private int start;
    private int end;
    private long bufferOffset;
    private bool endOfStream;

    public PlinkLineReader(Stream stream, bool leaveOpen, int bufferSize = 64 * 1024)
    {
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset in the stream where the line last returned starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The next line; valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> text, out string terminator)
    {
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = pending[..newline];
                var crlf = line.Length > 0 && line[^1] == (byte)'\r';
                text = crlf ? line[..^1] : line;
                terminator = crlf ? CrLf : Lf;
                Advance(newline + 1);
                return true;
            }

            if (endOfStream)
            {
                if (pending.IsEmpty)
                {
                    text = default;
                    terminator = string.Empty;
                    return false;
                }

                text = pending;
                terminator = string.Empty;
                Advance(pending.Length);
                return true;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }

        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Advance(int consumed)
    {
        LineNumber++;
        LineOffset = bufferOffset + start;
        start += consumed;
    }

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }
}
