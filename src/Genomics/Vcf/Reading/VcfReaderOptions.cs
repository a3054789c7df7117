using Genomics.Bgzf;

namespace Genomics.Vcf;

/// <summary>How a <see cref="VcfReader"/> reads: batch size, decompression, strictness and where warnings go.</summary>
public sealed class VcfReaderOptions
{
    /// <summary>8 MiB batches, BGZF defaults, sorted input required, warnings only collected.</summary>
    public static VcfReaderOptions Default { get; } = new();

    /// <summary>
    /// A batch ends once it holds about this many bytes (genotypes, FORMAT and INFO values, strings), so memory stays
    /// bounded whatever the number of samples. At least one variant goes in each batch.
    /// </summary>
    public long BatchByteBudget { get; init; } = 8L << 20;

    /// <summary>A batch ends after this many variants even if under budget (sites-only files would otherwise make huge batches).</summary>
    public int MaxVariantsPerBatch { get; init; } = 65_536;

    /// <summary>Threads and backend for BGZF inflation; null for <see cref="BgzfReaderOptions.Default"/>.</summary>
    public BgzfReaderOptions? Bgzf { get; init; }

    /// <summary>
    /// Whether records must come sorted (each contig in one block, POS not decreasing within it), as the dataset's row
    /// order needs. On by default; an unsorted file is an error that suggests sorting it.
    /// </summary>
    public bool RequireSorted { get; init; } = true;

    /// <summary>
    /// Whether a list field whose value count disagrees with its declared Number (n, A, R, or G for the call's ploidy)
    /// is an error. On by default. Off, such values are kept as written (the row's values per sample widen to the
    /// longest; shorter samples get nulls) with one warning per key; GATK pipelines, for one, leave AD with the
    /// allele count of an earlier record. A Number=1 field with several values is an error either way.
    /// </summary>
    public bool StrictValueCounts { get; init; } = true;

    /// <summary>Called once per warning as it happens (each is also kept in <see cref="VcfReader.Warnings"/>).</summary>
    public Action<VcfWarning>? OnWarning { get; init; }

    /// <summary>Initial bytes of the line buffer (it grows to fit the longest line).</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>Forces the kernels of one SIMD level (benchmarks compare them); null uses <see cref="Kernels.VcfKernels.SelectedLevel"/>.</summary>
    internal Genotypes.Kernels.SimdLevel? KernelLevel { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchByteBudget, 1, nameof(BatchByteBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxVariantsPerBatch, 1, nameof(MaxVariantsPerBatch));
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferSize, 1, nameof(BufferSize));
    }
}
