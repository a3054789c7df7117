using Genomics.Vcf.Kernels;

namespace Genomics.Vcf;

/// <summary>
/// Splits decompressed VCF text into lines and finds each line's tabs in the same pass (with the delimiter scanner).
/// The buffer grows to hold the longest line, so memory is bounded by the longest line, not the file.
/// </summary>
internal sealed class VcfLineReader
{
    private readonly Stream stream;
    private readonly IDelimiterScanner scanner;
    private readonly string file;
    private readonly bool integrityChecked;
    private readonly WarningSink warnings;
    private byte[] buffer;
    private int[] delimiters = new int[1024];
    private int start;
    private int end;
    private int consumed;
    private int lineLength;
    private int tabCount;
    private long bufferOffset;
    private bool endOfStream;

    /// <param name="stream">The decompressed text.</param>
    /// <param name="file">The file's name as errors show it.</param>
    /// <param name="scanner">Finds tabs and newlines.</param>
    /// <param name="bufferSize">Initial buffer size.</param>
    /// <param name="integrityChecked">
    /// Whether the decompression layer has proved the text complete (gzip CRCs, the BGZF end marker); only then is a
    /// last line without a newline accepted, since in plain text it is the one sign of a cut file.
    /// </param>
    /// <param name="warnings">Where that acceptance is reported.</param>
    public VcfLineReader(Stream stream, string file, IDelimiterScanner scanner, int bufferSize, bool integrityChecked, WarningSink warnings)
    {
        this.stream = stream;
        this.integrityChecked = integrityChecked;
        this.warnings = warnings;
        this.file = file;
        this.scanner = scanner;
        buffer = new byte[Math.Max(bufferSize, 64)];
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Offset of the current line's first byte in the decompressed text.</summary>
    public long LineOffset => bufferOffset + start;

    /// <summary>The current line without its '\n' (or "\r\n").</summary>
    public ReadOnlySpan<byte> Line => buffer.AsSpan(start, lineLength);

    /// <summary>The indexes of the current line's tabs.</summary>
    public ReadOnlySpan<int> Tabs => delimiters.AsSpan(0, tabCount);

    /// <summary>Moves to the next line; false at the end of the text.</summary>
    /// <exception cref="GenomicsFormatException">The text ends without a final newline.</exception>
    public bool MoveNext()
    {
        start += consumed;
        consumed = 0;
        var scanned = 0;
        var count = 0;
        while (true)
        {
            var text = buffer.AsSpan(start, end - start);
            if (scanner.ScanLine(text, ref scanned, delimiters, ref count))
            {
                var newline = delimiters[count - 1];
                consumed = newline + 1;
                lineLength = newline > 0 && text[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                tabCount = count - 1;
                LineNumber++;
                return true;
            }

            if (count == delimiters.Length)
            {
                Array.Resize(ref delimiters, delimiters.Length * 2);
                continue;
            }

            if (endOfStream)
            {
                if (start == end)
                {
                    return false;
                }

                if (integrityChecked)
                {
                    warnings.Warn("final newline", LineNumber + 1, "the last line does not end with a newline");
                    consumed = end - start;
                    lineLength = text.Length > 0 && text[^1] == (byte)'\r' ? text.Length - 1 : text.Length;
                    tabCount = count;
                    LineNumber++;
                    return true;
                }

                throw new GenomicsFormatException(
                    InputErrorKind.Truncated,
                    file,
                    "the last line does not end with a newline; the file may be cut short",
                    LineNumber + 1,
                    bufferOffset + start);
            }

            Refill();
        }
    }

    private void Refill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= Array.MaxLength / 2)
            {
                throw new GenomicsFormatException(InputErrorKind.Unsupported, file, "a line longer than 1 GiB", LineNumber + 1, bufferOffset);
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }
}
