using Genomics.Genotypes;
using Microsoft.Win32.SafeHandles;

namespace Genomics.Plink;

/// <summary>Checks of the first three bytes and the file size, done once at open.</summary>
internal sealed partial class BedReader
{
    private static BedLayout ReadHeader(string path, SafeFileHandle handle, int sampleCount, long variantCount)
    {
        var size = RandomAccess.GetLength(handle);
        if (size == 0)
        {
            throw new GenomicsFormatException(InputErrorKind.NotRecognized, path, "file is empty; a .bed file starts with the bytes 0x6c 0x1b");
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        var got = RandomAccess.Read(handle, header, 0);
        header = header[..got];
        if (header[0] != 0x6c || (header.Length > 1 && header[1] != 0x1b))
        {
            throw new GenomicsFormatException(
                InputErrorKind.NotRecognized,
                path,
                $"not a PLINK .bed file: starts with {Hex(header[..Math.Min(2, header.Length)])}, expected 0x6c 0x1b",
                offset: 0);
        }

        if (header.Length < HeaderLength)
        {
            throw new GenomicsFormatException(InputErrorKind.Truncated, path, $"file ends after {header.Length} bytes, before the mode byte", offset: header.Length);
        }

        var layout = header[2] switch
        {
            0x01 => BedLayout.VariantMajor,
            0x00 => BedLayout.SampleMajor,
            _ => throw new GenomicsFormatException(
                InputErrorKind.Malformed,
                path,
                $"unknown mode byte 0x{header[2]:x2}; a PLINK 1 .bed has 0x01 (variant-major) or 0x00 (sample-major)",
                offset: 2),
        };

        var expected = ExpectedSize(layout, sampleCount, variantCount);
        if (size != expected)
        {
            var (rows, rowBytes) = layout == BedLayout.VariantMajor
                ? ($"{variantCount} variants (.bim)", $"{PackedGenotypes.BytesPerRow(sampleCount)} bytes per variant for {sampleCount} samples (.fam)")
                : ($"{sampleCount} samples (.fam)", $"{BytesPerSampleRow(variantCount)} bytes per sample for {variantCount} variants (.bim)");
            throw new GenomicsFormatException(
                InputErrorKind.Mismatch,
                path,
                $"size is {size} bytes but 3 + {rows} × {rowBytes} = {expected} bytes were expected",
                offset: Math.Min(size, expected));
        }

        return layout;
    }

    private static long ExpectedSize(BedLayout layout, int sampleCount, long variantCount) => layout == BedLayout.VariantMajor
        ? HeaderLength + (variantCount * PackedGenotypes.BytesPerRow(sampleCount))
        : HeaderLength + (sampleCount * BytesPerSampleRow(variantCount));

    private static long BytesPerSampleRow(long variantCount) => (variantCount + 3) / 4;

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => $"0x{b:x2}"));
}
