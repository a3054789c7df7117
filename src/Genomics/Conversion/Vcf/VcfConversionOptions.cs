using Genomics.Dataset;
using Genomics.Stats;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>How a VCF becomes a dataset.</summary>
public sealed record VcfConversionOptions
{
    /// <summary>Lossless calls (the default for VCF) or ALT dosages with multi-allelic sites split one row per ALT.</summary>
    public GenotypeColumn Genotypes { get; init; } = GenotypeColumn.Calls;

    /// <summary>Compression, threads, part size and the command recorded in the manifest.</summary>
    public DatasetWriterOptions Writer { get; init; } = new();

    /// <summary>Batch sizes and reading policies; <see cref="VcfReaderOptions.OnWarning"/> receives the reader's warnings.</summary>
    public VcfReaderOptions Reader { get; init; } = VcfReaderOptions.Default;

    /// <summary>Reports bytes of the input read (compressed, as stored) and variants written.</summary>
    public IProgress<ConversionProgress>? Progress { get; init; }

    /// <summary>Also write summary.parquet in the same pass (<c>convert --cohorts</c>), or null.</summary>
    public SummaryRequest? Summary { get; init; }
}
