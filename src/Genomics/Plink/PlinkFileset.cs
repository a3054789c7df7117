namespace Genomics.Plink;

/// <summary>
/// An opened, checked PLINK 1 fileset: samples loaded from the .fam, variants counted (not loaded) from the .bim, and
/// the .bed open for reading rows. Variants are streamed with <see cref="OpenVariants"/>.
/// </summary>
internal sealed class PlinkFileset : IDisposable
{
    private PlinkFileset(PlinkPaths paths, IReadOnlyList<FamRecord> samples, BedReader genotypes)
    {
        Paths = paths;
        Samples = samples;
        Genotypes = genotypes;
    }

    /// <summary>The three file paths.</summary>
    public PlinkPaths Paths { get; }

    /// <summary>The samples, in .bed column order.</summary>
    public IReadOnlyList<FamRecord> Samples { get; }

    /// <summary>N.</summary>
    public int SampleCount => Samples.Count;

    /// <summary>M: the number of .bim lines.</summary>
    public long VariantCount => Genotypes.VariantCount;

    /// <summary>Row reader for the .bed.</summary>
    public BedReader Genotypes { get; }

    /// <summary>Opens the fileset named by a prefix or by the path of any of its three files.</summary>
    /// <exception cref="FileNotFoundException">A file of the set is missing.</exception>
    /// <exception cref="GenomicsFormatException">A bad .fam line, or a .bed that is foreign or does not match the counts.</exception>
    public static PlinkFileset Open(string path)
    {
        var paths = PlinkPaths.FromAnyPath(path);
        paths.RequireExisting();
        var samples = FamReader.Read(paths.Fam);
        var variantCount = BimReader.CountRecords(paths.Bim);
        return new PlinkFileset(paths, samples, BedReader.Open(paths.Bed, samples.Count, variantCount));
    }

    /// <summary>A new streaming reader over the .bim, from its first line; rows of <see cref="Genotypes"/> follow the same order.</summary>
    public BimReader OpenVariants() => BimReader.Open(Paths.Bim);

    public void Dispose() => Genotypes.Dispose();
}
