using System.Runtime.InteropServices;

namespace Genomics.Bgzf;

/// <summary>The few libdeflate entry points the reader needs (libdeflate.h, stable since 1.0).</summary>
internal static partial class LibdeflateNative
{
    /// <summary>The soname, not the dev symlink: only the runtime package is installed on most machines.</summary>
    public const string Library = "libdeflate.so.0";

    public const int Success = 0;
    public const int BadData = 1;
    public const int ShortOutput = 2;
    public const int InsufficientSpace = 3;

    [LibraryImport(Library, EntryPoint = "libdeflate_alloc_decompressor")]
    public static partial nint AllocDecompressor();

    [LibraryImport(Library, EntryPoint = "libdeflate_free_decompressor")]
    public static partial void FreeDecompressor(nint decompressor);

    // The _ex form also reports how much input the stream used, so data left over inside a block is caught.
    [LibraryImport(Library, EntryPoint = "libdeflate_deflate_decompress_ex")]
    public static unsafe partial int DeflateDecompressEx(
        nint decompressor, byte* input, nuint inputLength, byte* output, nuint outputCapacity, nuint* actualIn, nuint* actualOut);

    [LibraryImport(Library, EntryPoint = "libdeflate_crc32")]
    public static unsafe partial uint Crc32(uint crc, byte* buffer, nuint length);
}
