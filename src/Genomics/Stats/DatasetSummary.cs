using Genomics.Cohorts;
using Genomics.Dataset;
using Genomics.Plink;
using Genomics.Vcf;

namespace Genomics.Stats;

/// <summary>
/// summary.parquet written inside a dataset being converted, fed from the converter's own batches so the genotypes are
/// read once. It lives in the dataset's temporary folder and moves into place with it.
/// </summary>
public sealed class DatasetSummary : IDisposable
{
    /// <summary>The file name inside the dataset.</summary>
    public const string FileName = "summary.parquet";

    private readonly SummaryWriter writer;
    private readonly SummaryPass pass;

    private DatasetSummary(SummaryWriter writer, SummaryPass pass)
    {
        this.writer = writer;
        this.pass = pass;
    }

    /// <summary>The cohorts counted.</summary>
    public CohortSet Cohorts => pass.Cohorts;

    /// <summary>Starts the summary of a conversion.</summary>
    /// <param name="request">Cohorts, PAR and sex column.</param>
    /// <param name="folder">The dataset's temporary folder.</param>
    /// <param name="sampleIds">The data's samples.</param>
    /// <param name="sexes">Sexes for the ploidy model (PLINK input), or null for VCF input.</param>
    /// <param name="source">The genomics.source metadata value.</param>
    /// <param name="options">Compression and threads.</param>
    internal static DatasetSummary Create(
        SummaryRequest request, string folder, IReadOnlyList<string> sampleIds, IReadOnlyList<PlinkSex>? sexes, string source, DatasetWriterOptions options)
    {
        var file = CohortsFile.Read(request.CohortsPath);
        var cohorts = CohortSet.Resolve(file, sampleIds);
        if (cohorts.ListedButAbsent > 0)
        {
            request.OnWarning?.Invoke($"{request.CohortsPath}: {cohorts.ListedButAbsent:N0} listed sample(s) are not in the data; they are counted in no cohort");
        }

        var ploidy = sexes is null ? null : new PloidyModel(request.SexFrom is { } column ? file.SexesOf(column, sampleIds) : sexes, request.Par);
        var writer = SummaryWriter.Create(Path.Combine(folder, FileName), Summarizer.Metadata(source), options);
        return new DatasetSummary(writer, new SummaryPass(cohorts, ploidy, writer, options.Threads));
    }

    /// <summary>Counts PLINK rows (see <see cref="SummaryPass.AddPlinkRows"/>).</summary>
    public void AddPlinkRows(long firstVariant, IReadOnlyList<BimRecord> records, ReadOnlyMemory<byte> rows, int bytesPerRow) =>
        pass.AddPlinkRows(firstVariant, records, rows, bytesPerRow);

    /// <summary>Counts a VCF batch.</summary>
    public void AddVcfBatch(VcfBatch batch) => pass.AddVcfBatch(batch);

    /// <summary>Finishes the file; the returned entry goes into the manifest's tables.</summary>
    public KeyValuePair<string, DatasetTable> Complete()
    {
        writer.Complete();
        return new("summary", new DatasetTable(writer.Rows, [FileName]));
    }

    public void Dispose() => writer.Dispose();
}
