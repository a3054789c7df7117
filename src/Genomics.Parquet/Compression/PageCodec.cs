using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies for one Parquet codec.</summary>
internal abstract class PageCodec : IDisposable
{
    public abstract CompressionCodec Codec { get; }

    /// <summary>Appends the compressed form of input to output.</summary>
    public abstract void Compress(ReadOnlySpan<byte> input, ByteBuffer output);

    /// <summary>Decompresses input into output, which has exactly the page's uncompressed size.</summary>
    public abstract void Decompress(ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>
    /// Throws <see cref="ParquetFormatException"/> when <paramref name="input"/> cannot decompress to
    /// <paramref name="size"/> bytes, so a damaged page header never sizes an allocation on its own.
    /// </summary>
    public virtual void CheckDecompressedSize(ReadOnlySpan<byte> input, int size)
    {
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    public static PageCodec Create(ParquetCompression compression, int? level) => compression switch
    {
        ParquetCompression.None => new UncompressedCodec(),
        ParquetCompression.Snappy => new SnappyCodec(),
        ParquetCompression.Gzip => new GzipCodec(level),
        ParquetCompression.Zstd => new ZstdCodec(level),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown compression"),
    };

    /// <summary>A codec for reading a file's pages.</summary>
    public static PageCodec ForReading(CompressionCodec codec, long offset) => codec switch
    {
        CompressionCodec.Uncompressed => new UncompressedCodec(),
        CompressionCodec.Snappy => new SnappyCodec(),
        CompressionCodec.Gzip => new GzipCodec(null),
        CompressionCodec.Zstd => new ZstdCodec(null),
        _ => throw new ParquetFormatException(ParquetErrorKind.Unsupported, $"compression codec {codec} is not supported (supported: UNCOMPRESSED, SNAPPY, GZIP, ZSTD)", offset),
    };

    protected static void CheckSize(int actual, int expected, string codec)
    {
        if (actual != expected)
        {
            throw new ParquetFormatException($"{codec} page decompressed to {actual} bytes, header says {expected}");
        }
    }
}
