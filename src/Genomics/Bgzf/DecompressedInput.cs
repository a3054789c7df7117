using System.Buffers;
using System.IO.Pipelines;

namespace Genomics.Bgzf;

/// <summary>
/// An input file opened for parsing: its format detected from its first bytes, its decompressed bytes available
/// as a <see cref="System.IO.Stream"/> or a <see cref="PipeReader"/>, and a way to place an offset in the decompressed
/// data back into the compressed file for error messages. BGZF is inflated in parallel, plain gzip on one thread,
/// and anything else is passed through unchanged.
/// </summary>
internal sealed class DecompressedInput : IDisposable, IAsyncDisposable
{
    private readonly BgzfStream? _bgzf;

    private DecompressedInput(string file, CompressionFormat format, Stream stream)
    {
        FilePath = file;
        Format = format;
        Stream = stream;
        _bgzf = stream as BgzfStream;
    }

    /// <summary>The file's name as errors show it.</summary>
    public string FilePath { get; }

    /// <summary>How the file was compressed.</summary>
    public CompressionFormat Format { get; }

    /// <summary>The decompressed bytes; read errors are <see cref="GenomicsFormatException"/>s naming the file and offset.</summary>
    public Stream Stream { get; }

    /// <summary>Opens a file and detects its compression.</summary>
    /// <exception cref="GenomicsFormatException">The file is empty or its first gzip header is damaged or cut.</exception>
    public static DecompressedInput Open(string path, BgzfReaderOptions? options = null)
    {
        // Unbuffered: every reader below does its own large reads, so a FileStream buffer would only add a copy.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            return Open(file, path, options, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Detects the compression of <paramref name="source"/> (read from its current position) and wraps it.</summary>
    /// <param name="source">The file's bytes; need not be seekable.</param>
    /// <param name="file">The file's name as errors should show it.</param>
    /// <param name="options">Threads and backend for BGZF; null for <see cref="BgzfReaderOptions.Default"/>.</param>
    /// <param name="leaveOpen">Whether disposing the input leaves <paramref name="source"/> open.</param>
    /// <exception cref="GenomicsFormatException">The file is empty or its first gzip header is damaged or cut.</exception>
    public static DecompressedInput Open(Stream source, string file, BgzfReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        var headBuffer = ArrayPool<byte>.Shared.Rent(CompressionDetector.HeadLength);
        try
        {
            var length = source.ReadAtLeast(headBuffer.AsSpan(0, CompressionDetector.HeadLength), CompressionDetector.HeadLength, throwOnEndOfStream: false);
            var head = headBuffer.AsSpan(0, length);
            var format = CompressionDetector.Detect(head, isWholeFile: length < CompressionDetector.HeadLength, file);
            Stream rewound;
            if (source.CanSeek)
            {
                source.Seek(-length, SeekOrigin.Current);
                rewound = source;
            }
            else
            {
                rewound = new ReplayStream(head.ToArray(), source, leaveOpen);
                leaveOpen = false;
            }

            Stream decompressed = format switch
            {
                CompressionFormat.Bgzf => new BgzfStream(rewound, file, options, leaveOpen),
                CompressionFormat.Gzip => new GzipInputStream(rewound, file, leaveOpen),
                _ => leaveOpen ? new ReplayStream([], rewound, leaveOpen: true) : rewound,
            };
            return new DecompressedInput(file, format, decompressed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(headBuffer);
        }
    }

    /// <summary>
    /// A pipe over the decompressed bytes, for parsers built on System.IO.Pipelines. Completing the reader does not
    /// dispose this input.
    /// </summary>
    /// <param name="bufferSize">Bytes the pipe asks the stream for at a time.</param>
    public PipeReader CreatePipeReader(int bufferSize = 64 * 1024) =>
        PipeReader.Create(Stream, new StreamPipeReaderOptions(bufferSize: bufferSize, minimumReadSize: Math.Min(bufferSize, 4096), leaveOpen: true));

    /// <summary>
    /// Places an offset in the decompressed data: for BGZF, also the block it came from (if recently read);
    /// for uncompressed input the offset is the file offset itself.
    /// </summary>
    public InputLocation Locate(long uncompressedOffset) => _bgzf?.Locate(uncompressedOffset) ?? new InputLocation(uncompressedOffset);

    public void Dispose() => Stream.Dispose();

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
