using Genomics.Genotypes;
using Microsoft.Win32.SafeHandles;

namespace Genomics.Plink;

/// <summary>
/// Reads genotype rows of a .bed file into caller-provided buffers, one variant-major row of ceil(N/4) bytes per variant
/// whatever the file's layout. Rows are read on demand (positioned reads, or a memory map for the legacy layout), so
/// memory does not grow with the number of variants.
/// </summary>
internal sealed partial class BedReader : IDisposable
{
    private const int HeaderLength = 3;

    private readonly SafeFileHandle handle;
    private readonly SampleMajorRows? sampleMajorRows;

    private BedReader(string path, SafeFileHandle handle, int sampleCount, long variantCount, BedLayout layout)
    {
        FilePath = path;
        this.handle = handle;
        SampleCount = sampleCount;
        VariantCount = variantCount;
        Layout = layout;
        BytesPerVariant = PackedGenotypes.BytesPerRow(sampleCount);
        if (layout == BedLayout.SampleMajor)
        {
            sampleMajorRows = new SampleMajorRows(handle, sampleCount, variantCount);
        }
    }

    /// <summary>The .bed path, as given.</summary>
    public string FilePath { get; }

    /// <summary>N, from the .fam.</summary>
    public int SampleCount { get; }

    /// <summary>M, from the .bim.</summary>
    public long VariantCount { get; }

    /// <summary>Bytes of one variant row: ceil(N/4).</summary>
    public int BytesPerVariant { get; }

    /// <summary>The file's layout; rows are returned variant-major either way.</summary>
    public BedLayout Layout { get; }

    /// <summary>
    /// Opens and checks a .bed: magic bytes 0x6c 0x1b, a known mode byte, and a size that matches
    /// <paramref name="sampleCount"/> (.fam lines) and <paramref name="variantCount"/> (.bim lines).
    /// </summary>
    /// <exception cref="GenomicsFormatException">Empty or foreign file, unknown mode, or a size that does not match the counts.</exception>
    public static BedReader Open(string path, int sampleCount, long variantCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfNegative(variantCount);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var layout = ReadHeader(path, handle, sampleCount, variantCount);
            return new BedReader(path, handle, sampleCount, variantCount, layout);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="count"/> variant rows starting at
    /// <paramref name="firstVariant"/>, each <see cref="BytesPerVariant"/> bytes, back to back. Padding bits of a row's
    /// last byte are copied as stored (variant-major) or left zero (sample-major). Safe to call from several threads
    /// at once: reads are positioned (or from the memory map) and keep no cursor.
    /// </summary>
    public void ReadVariants(long firstVariant, int count, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstVariant);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (firstVariant + count > VariantCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Variants {firstVariant}..{firstVariant + count - 1} are past the last of {VariantCount}.");
        }

        var bytes = (long)count * BytesPerVariant;
        if (destination.Length < bytes)
        {
            throw new ArgumentException($"{count} rows of {BytesPerVariant} bytes need {bytes} bytes; got {destination.Length}.", nameof(destination));
        }

        var rows = destination[..(int)bytes];
        if (sampleMajorRows is not null)
        {
            sampleMajorRows.Read(firstVariant, count, rows);
        }
        else
        {
            ReadVariantMajor(HeaderLength + (firstVariant * BytesPerVariant), rows);
        }
    }

    public void Dispose()
    {
        sampleMajorRows?.Dispose();
        handle.Dispose();
    }

    private void ReadVariantMajor(long offset, Span<byte> rows)
    {
        while (!rows.IsEmpty)
        {
            var read = RandomAccess.Read(handle, rows, offset);
            if (read == 0)
            {
                // The size was checked at open, so only a file cut short while being read gets here.
                throw new GenomicsFormatException(InputErrorKind.Truncated, FilePath, "file ended early; was it truncated while being read?", offset: offset);
            }

            rows = rows[read..];
            offset += read;
        }
    }
}
