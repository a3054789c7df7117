using System.Runtime.InteropServices;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Compression;

/// <summary>ZSTD frames through the system's libzstd (Debian package libzstd1). One compression context per codec instance.</summary>
internal sealed partial class ZstdCodec : PageCodec
{
    private const string Library = "libzstd.so.1";
    private const int DefaultLevel = 3;
    private const ulong ContentSizeError = unchecked(0UL - 2);

    private readonly int _level;
    private nint _cctx;

    public ZstdCodec(int? level)
    {
        _level = level ?? DefaultLevel;
        EnsureLoaded();
    }

    ~ZstdCodec()
    {
        Free();
    }

    public override CompressionCodec Codec => CompressionCodec.Zstd;

    public override unsafe void Compress(ReadOnlySpan<byte> input, ByteBuffer output)
    {
        if (_cctx == 0)
        {
            _cctx = ZSTD_createCCtx();
        }

        var bound = (int)ZSTD_compressBound((nuint)input.Length);
        var dest = output.GetSpan(bound);
        nuint written;
        fixed (byte* src = input)
        fixed (byte* dst = dest)
        {
            written = ZSTD_compressCCtx(_cctx, dst, (nuint)dest.Length, src, (nuint)input.Length, _level);
        }

        if (ZSTD_isError(written) != 0)
        {
            throw new InvalidOperationException("zstd compression failed: " + ErrorName(written));
        }

        output.Advance((int)written);
    }

    /// <summary>libzstd bounds what the frames can produce (exactly, when they record their content size).</summary>
    public override unsafe void CheckDecompressedSize(ReadOnlySpan<byte> input, int size)
    {
        ulong bound;
        fixed (byte* src = input)
        {
            byte dummy = 0;
            bound = ZSTD_decompressBound(input.IsEmpty ? &dummy : src, (nuint)input.Length);
        }

        if (bound == ContentSizeError)
        {
            throw new ParquetFormatException("corrupt zstd page: not a sequence of zstd frames");
        }

        if ((ulong)size > bound)
        {
            throw new ParquetFormatException($"zstd page of {input.Length} bytes decompresses to at most {bound} bytes, header says {size}");
        }
    }

    public override unsafe void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        nuint n;
        fixed (byte* src = input)
        fixed (byte* dst = output)
        {
            // A zero-length output span still needs a valid pointer for libzstd.
            byte dummy = 0;
            var d = output.Length == 0 ? &dummy : dst;
            n = ZSTD_decompress(d, (nuint)output.Length, src, (nuint)input.Length);
        }

        if (ZSTD_isError(n) != 0)
        {
            throw new ParquetFormatException("corrupt zstd page: " + ErrorName(n));
        }

        CheckSize((int)n, output.Length, "zstd");
    }

    public override void Dispose()
    {
        Free();
        base.Dispose();
    }

    private void Free()
    {
        if (_cctx != 0)
        {
            _ = ZSTD_freeCCtx(_cctx);
            _cctx = 0;
        }
    }

    private static void EnsureLoaded()
    {
        try
        {
            _ = ZSTD_versionNumber();
        }
        catch (DllNotFoundException e)
        {
            throw new CodecUnavailableException("ZSTD needs the system library libzstd.so.1 (Debian/Ubuntu: apt-get install libzstd1).", e);
        }
    }

    private static string ErrorName(nuint code) => Marshal.PtrToStringAnsi(ZSTD_getErrorName(code)) ?? "unknown error";

    [LibraryImport(Library)]
    private static partial uint ZSTD_versionNumber();

    [LibraryImport(Library)]
    private static partial nuint ZSTD_compressBound(nuint srcSize);

    [LibraryImport(Library)]
    private static partial nint ZSTD_createCCtx();

    [LibraryImport(Library)]
    private static partial nuint ZSTD_freeCCtx(nint cctx);

    [LibraryImport(Library)]
    private static unsafe partial nuint ZSTD_compressCCtx(nint cctx, byte* dst, nuint dstCapacity, byte* src, nuint srcSize, int compressionLevel);

    [LibraryImport(Library)]
    private static unsafe partial nuint ZSTD_decompress(byte* dst, nuint dstCapacity, byte* src, nuint compressedSize);

    [LibraryImport(Library)]
    private static unsafe partial ulong ZSTD_decompressBound(byte* src, nuint srcSize);

    [LibraryImport(Library)]
    private static partial uint ZSTD_isError(nuint code);

    [LibraryImport(Library)]
    private static partial nint ZSTD_getErrorName(nuint code);
}
