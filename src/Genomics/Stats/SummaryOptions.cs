using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Vcf;

namespace Genomics.Stats;

/// <summary>Settings of a summary run.</summary>
public sealed record SummaryOptions
{
    /// <summary>The cohorts file, or null for <c>ALL</c> only.</summary>
    public string? CohortsPath { get; init; }

    /// <summary>The PAR of chrX, inside which males are diploid (PLINK and dosage input), or null.</summary>
    public PseudoautosomalRegions? Par { get; init; }

    /// <summary>A cohorts-file column to take sexes from instead of the .fam / samples table (PLINK input and datasets converted from it; a VCF gives ploidy per call).</summary>
    public string? SexFrom { get; init; }

    /// <summary>Threads counting rows and compressing pages.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Parquet codec and level (threads are taken from <see cref="Threads"/>).</summary>
    public DatasetWriterOptions Writer { get; init; } = new();

    /// <summary>VCF reader settings.</summary>
    public VcfReaderOptions Reader { get; init; } = new();

    /// <summary>Progress reports, or null.</summary>
    public IProgress<ConversionProgress>? Progress { get; init; }
}
