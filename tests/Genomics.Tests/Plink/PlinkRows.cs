using Genomics.Plink;

namespace Genomics.Tests.Plink;

/// <summary>Test helpers over whole (small) filesets.</summary>
internal static class PlinkRows
{
    /// <summary>All rows of a .bed, read in blocks of <paramref name="block"/> variants.</summary>
    public static byte[] ReadAll(BedReader bed, int block = 7)
    {
        var rows = new byte[bed.VariantCount * bed.BytesPerVariant];
        for (long first = 0; first < bed.VariantCount; first += block)
        {
            var count = (int)Math.Min(block, bed.VariantCount - first);
            bed.ReadVariants(first, count, rows.AsSpan((int)(first * bed.BytesPerVariant), count * bed.BytesPerVariant));
        }

        return rows;
    }

    /// <summary>The 2-bit code of one sample in one row.</summary>
    public static int Code(ReadOnlySpan<byte> row, int sample) => (row[sample >> 2] >> (2 * (sample & 3))) & 3;

    /// <summary>Rows with each last byte's padding bits cleared.</summary>
    public static byte[] WithoutPadding(byte[] rows, int sampleCount)
    {
        var copy = (byte[])rows.Clone();
        var bytesPerRow = (sampleCount + 3) / 4;
        var used = sampleCount & 3;
        if (used != 0)
        {
            for (var end = bytesPerRow - 1; end < copy.Length; end += bytesPerRow)
            {
                copy[end] &= (byte)((1 << (2 * used)) - 1);
            }
        }

        return copy;
    }

    /// <summary>Writes the legacy sample-major .bed holding the same genotypes as variant-major <paramref name="rows"/>.</summary>
    public static void WriteSampleMajor(string path, byte[] rows, int sampleCount, int variantCount)
    {
        var bytesPerVariant = (sampleCount + 3) / 4;
        var bytesPerSample = (variantCount + 3) / 4;
        var file = new byte[3 + (sampleCount * bytesPerSample)];
        file[0] = 0x6c;
        file[1] = 0x1b;
        for (var sample = 0; sample < sampleCount; sample++)
        {
            for (var variant = 0; variant < variantCount; variant++)
            {
                var code = Code(rows.AsSpan(variant * bytesPerVariant, bytesPerVariant), sample);
                file[3 + (sample * bytesPerSample) + (variant >> 2)] |= (byte)(code << (2 * (variant & 3)));
            }
        }

        File.WriteAllBytes(path, file);
    }
}
