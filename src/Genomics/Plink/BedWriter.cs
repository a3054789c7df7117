using Genomics.Genotypes;

namespace Genomics.Plink;

/// <summary>Writes a variant-major (mode 0x01) .bed file: the header, then packed variant rows as given.</summary>
internal sealed class BedWriter : IDisposable
{
    private static ReadOnlySpan<byte> Header => [0x6c, 0x1b, 0x01];

    private readonly Stream output;
    private readonly bool leaveOpen;

    /// <summary>Writes the header to <paramref name="output"/>; rows of <paramref name="sampleCount"/> samples follow.</summary>
    public BedWriter(Stream output, int sampleCount, bool leaveOpen = false)
    {
        this.output = output;
        this.leaveOpen = leaveOpen;
        BytesPerVariant = PackedGenotypes.BytesPerRow(sampleCount);
        output.Write(Header);
    }

    /// <summary>Bytes of one variant row: ceil(N/4).</summary>
    public int BytesPerVariant { get; }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public static BedWriter Create(string path, int sampleCount) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), sampleCount);

    /// <summary>
    /// Appends whole variant rows, back to back. Bytes are written unchanged, so rows read from a .bed round-trip
    /// exactly; rows made by <see cref="Genotypes.Kernels.IDosagePacker"/> already have zero padding.
    /// </summary>
    public void WriteVariants(ReadOnlySpan<byte> rows)
    {
        if (BytesPerVariant == 0 ? !rows.IsEmpty : rows.Length % BytesPerVariant != 0)
        {
            throw new ArgumentException($"{rows.Length} bytes is not a whole number of {BytesPerVariant}-byte rows.", nameof(rows));
        }

        output.Write(rows);
    }

    /// <summary>Pushes buffered rows to the stream.</summary>
    public void Flush() => output.Flush();

    public void Dispose()
    {
        if (leaveOpen)
        {
            output.Flush();
        }
        else
        {
            output.Dispose();
        }
    }
}
