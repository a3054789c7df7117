using Genomics.Vcf.Kernels;

namespace Genomics.Vcf;

/// <summary>
/// Splits decompressed VCF text into lines. For each line it finds, with the delimiter scanner, the tabs of the fixed
/// columns and FORMAT (<see cref="LeadingTabs"/>), then only the newline; the tabs between samples are scanned on
/// demand (<see cref="ScanAllTabs"/>), because the GT fast path never needs them. The buffer grows to hold the longest
/// line, so memory is bounded by the longest line, not the file.
/// </summary>
internal sealed class VcfLineReader
{
    /// <summary>Tabs found up front: the seven between the fixed columns, the one after INFO, and the one after FORMAT.</summary>
    public const int LeadingTabs = 9;

    /// <summary>
    /// Bytes kept readable after the text in the buffer (never filled), so word-at-a-time number parsing may read a
    /// few bytes past the end of a line without leaving the array.
    /// </summary>
    public const int Padding = 64;

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
        this.file = file;
        this.scanner = scanner;
        this.integrityChecked = integrityChecked;
        this.warnings = warnings;
        buffer = new byte[Math.Max(bufferSize, 64) + Padding];
    }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Offset of the current line's first byte in the decompressed text.</summary>
    public long LineOffset => bufferOffset + start;

    /// <summary>The current line without its '\n' (or "\r\n").</summary>
    public ReadOnlySpan<byte> Line => buffer.AsSpan(start, lineLength);

    /// <summary>The indexes of the current line's tabs found so far: all of them if <see cref="AllTabsKnown"/>, else the first <see cref="LeadingTabs"/>.</summary>
    public ReadOnlySpan<int> Tabs => delimiters.AsSpan(0, tabCount);

    /// <summary>Whether <see cref="Tabs"/> holds every tab of the line.</summary>
    public bool AllTabsKnown { get; private set; }

    /// <summary>Finds the rest of the current line's tabs and returns them all.</summary>
    public ReadOnlySpan<int> ScanAllTabs()
    {
        if (!AllTabsKnown)
        {
            var line = Line;
            var position = delimiters[tabCount - 1] + 1;
            var count = tabCount;
            while (!scanner.ScanLine(line, ref position, delimiters, ref count) && count == delimiters.Length)
            {
                Array.Resize(ref delimiters, delimiters.Length * 2);
            }

            tabCount = count;
            AllTabsKnown = true;
        }

        return Tabs;
    }

    /// <summary>Moves to the next line; false at the end of the text.</summary>
    /// <exception cref="GenomicsFormatException">The text ends without a final newline (and its completeness is not proved).</exception>
    public bool MoveNext()
    {
        start += consumed;
        consumed = 0;
        var scanned = 0;
        var count = 0;
        var newline = -1;
        while (true)
        {
            var text = buffer.AsSpan(start, end - start);
            // With room for only the leading tabs, the scanner stops at the next delimiter after them (which may be the newline).
            if (count < LeadingTabs && scanner.ScanLine(text, ref scanned, delimiters.AsSpan(0, LeadingTabs), ref count))
            {
                newline = delimiters[--count];
            }

            if (newline < 0 && count == LeadingTabs)
            {
                var found = text[scanned..].IndexOf((byte)'\n');
                if (found >= 0)
                {
                    newline = scanned + found;
                }
                else
                {
                    scanned = text.Length;
                }
            }

            if (newline >= 0)
            {
                SetLine(text, newline, count, allTabsKnown: count < LeadingTabs);
                consumed = newline + 1;
                return true;
            }

            if (endOfStream)
            {
                return FinishWithoutNewline(text, count);
            }

            Refill();
        }
    }

    private void SetLine(ReadOnlySpan<byte> text, int length, int tabs, bool allTabsKnown)
    {
        lineLength = length > 0 && text[length - 1] == (byte)'\r' ? length - 1 : length;
        tabCount = tabs;
        AllTabsKnown = allTabsKnown;
        LineNumber++;
    }

    private bool FinishWithoutNewline(ReadOnlySpan<byte> text, int count)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if (!integrityChecked)
        {
            throw new GenomicsFormatException(
                InputErrorKind.Truncated,
                file,
                "the last line does not end with a newline; the file may be cut short",
                LineNumber + 1,
                bufferOffset + start);
        }

        warnings.Warn("final newline", LineNumber + 1, "the last line does not end with a newline");
        SetLine(text, text.Length, count, allTabsKnown: count < LeadingTabs);
        consumed = text.Length;
        return true;
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

        if (end == buffer.Length - Padding)
        {
            if (buffer.Length >= Array.MaxLength / 2)
            {
                throw new GenomicsFormatException(InputErrorKind.Unsupported, file, "a line longer than 1 GiB", LineNumber + 1, bufferOffset);
            }

            Array.Resize(ref buffer, ((buffer.Length - Padding) * 2) + Padding);
        }

        var read = stream.Read(buffer, end, buffer.Length - Padding - end);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }
}
