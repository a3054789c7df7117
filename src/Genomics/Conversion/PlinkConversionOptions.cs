using Genomics.Dataset;

namespace Genomics.Conversion;

/// <summary>Settings for converting a PLINK 1.9 fileset.</summary>
public sealed record PlinkConversionOptions
{
    public GenotypeColumn Genotypes { get; init; } = GenotypeColumn.Dosage;

    public DatasetWriterOptions Writer { get; init; } = new();

    /// <summary>Genotypes per row group; bounds memory whatever the sample and variant counts.</summary>
    public long GenotypesPerRowGroup { get; init; } = 32L << 20;

    public IProgress<ConversionProgress>? Progress { get; init; }
}
