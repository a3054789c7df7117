using Genomics.Dataset;
using Genomics.Stats;

namespace Genomics.Conversion;

/// <summary>Settings for converting a PLINK 1.9 fileset.</summary>
public sealed record PlinkConversionOptions
{
    public GenotypeColumn Genotypes { get; init; } = GenotypeColumn.Dosage;

    public DatasetWriterOptions Writer { get; init; } = new();

    /// <summary>Genotypes per row group; bounds memory whatever the sample and variant counts.</summary>
    public long GenotypesPerRowGroup { get; init; } = 32L << 20;

    public IProgress<ConversionProgress>? Progress { get; init; }

    /// <summary>Also write summary.parquet in the same pass (<c>convert --cohorts</c>), or null.</summary>
    public SummaryRequest? Summary { get; init; }
}
