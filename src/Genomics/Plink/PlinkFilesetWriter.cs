namespace Genomics.Plink;

/// <summary>
/// Writes a PLINK 1 fileset (.fam at once, then .bim lines and variant-major .bed rows together). Output goes to
/// "*.partial" files that <see cref="Complete"/> renames into place, so a failed or interrupted export never leaves
/// a fileset that looks whole; disposing without completing deletes the partial files.
/// </summary>
internal sealed class PlinkFilesetWriter : IDisposable
{
    private const string PartialSuffix = ".partial";

    private readonly BimWriter variants;
    private readonly BedWriter genotypes;
    private bool completed;
    private bool disposed;

    private PlinkFilesetWriter(PlinkPaths paths, IReadOnlyList<FamRecord> samples)
    {
        Paths = paths;
        FamWriter.Write(paths.Fam + PartialSuffix, samples);
        variants = BimWriter.Create(paths.Bim + PartialSuffix);
        genotypes = BedWriter.Create(paths.Bed + PartialSuffix, samples.Count);
    }

    /// <summary>Where the files will be once complete.</summary>
    public PlinkPaths Paths { get; }

    /// <summary>Variants written so far.</summary>
    public long VariantCount { get; private set; }

    /// <summary>Starts a fileset named by a prefix or by the path of any of its three files.</summary>
    public static PlinkFilesetWriter Create(string path, IReadOnlyList<FamRecord> samples) => new(PlinkPaths.FromAnyPath(path), samples);

    /// <summary>Appends one variant: its .bim line and its packed row of ceil(N/4) bytes.</summary>
    public void WriteVariant(BimRecord variant, ReadOnlySpan<byte> packedRow)
    {
        ObjectDisposedException.ThrowIf(disposed || completed, this);
        if (packedRow.Length != genotypes.BytesPerVariant)
        {
            throw new ArgumentException($"A row has {genotypes.BytesPerVariant} bytes; got {packedRow.Length}.", nameof(packedRow));
        }

        variants.Write(variant);
        genotypes.WriteVariants(packedRow);
        VariantCount++;
    }

    /// <summary>Flushes everything and moves the three files to their final names, replacing existing ones.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(disposed || completed, this);
        variants.Dispose();
        genotypes.Dispose();
        foreach (var path in new[] { Paths.Fam, Paths.Bim, Paths.Bed })
        {
            File.Move(path + PartialSuffix, path, overwrite: true);
        }

        completed = true;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!completed)
        {
            variants.Dispose();
            genotypes.Dispose();
            foreach (var path in new[] { Paths.Fam, Paths.Bim, Paths.Bed })
            {
                File.Delete(path + PartialSuffix);
            }
        }
    }
}
