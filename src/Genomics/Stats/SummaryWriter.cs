using System.Globalization;
using System.Text;
using Genomics.Dataset;
using Genomics.Parquet;

namespace Genomics.Stats;

/// <summary>
/// Writes summary rows to summary.parquet (long form, the columns of dataset.md, controlled-tier metadata) or, for a
/// path ending in .tsv, to tab-separated text with the same columns and a header line (nulls empty). The file is
/// written under a hidden temporary name beside the target, owner-only, and renamed by <see cref="Complete"/>; without
/// it, <see cref="Dispose"/> removes what was written.
/// </summary>
public sealed class SummaryWriter : ISummarySink, IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> ColumnNames =
    [
        "variant_index", "contig", "pos", "id", "ref", "alt", "allele_index", "cohort", "n_samples", "n_called", "n_missing",
        "ac", "an", "af", "n_hom_ref", "n_het", "n_hom_alt", "n_hemi_ref", "n_hemi_alt", "carriers", "hwe_p",
    ];

    private const int RowsPerGroup = 1 << 17;

    private readonly string target;
    private readonly string temp;
    // Two row-group buffers: while one is encoded and compressed on a worker, rows go into the other. Sized for a
    // whole group plus one site's rows (a group is cut after the site that fills it); text output uses neither.
    private SummaryColumns pending;
    private SummaryColumns spare;
    private Task? writing;
    private readonly ParquetFileWriter? parquet;
    private readonly StreamWriter? text;
    private bool completed;

    private SummaryWriter(string target, IReadOnlyDictionary<string, string> metadata, DatasetWriterOptions options)
    {
        this.target = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(this.target) ?? ".";
        if (!Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"{target}: the folder {parent} does not exist");
        }

        if (File.Exists(this.target) || Directory.Exists(this.target))
        {
            throw new IOException($"{target}: already exists; choose another --out or remove it first");
        }

        temp = Path.Combine(parent, $".{Path.GetFileName(this.target)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var stream = CreatePrivateFile(temp);
        var capacity = IsText(target) ? 1 : RowsPerGroup + 1024;
        (pending, spare) = (new SummaryColumns(capacity), new SummaryColumns(capacity));
        if (IsText(target))
        {
            text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            text.WriteLine(string.Join('\t', ColumnNames));
        }
        else
        {
            parquet = new ParquetFileWriter(stream, Schema(), new ParquetWriterOptions
            {
                Compression = options.Compression,
                CompressionLevel = options.CompressionLevel ?? (options.Compression == ParquetCompression.Zstd ? 1 : null),
                CompressionThreads = Math.Max(1, options.Threads),
                CreatedBy = "genomics version " + EngineInfo.Version,
            });
            var stamped = new Dictionary<string, string>(metadata, StringComparer.Ordinal)
            {
                ["genomics.schema_version"] = DatasetManifest.CurrentSchemaVersion,
                ["genomics.tier"] = DatasetTier.Controlled,
                ["genomics.created_by"] = "genomics " + EngineInfo.Version,
            };
            foreach (var (key, value) in stamped)
            {
                parquet.SetMetadata(key, value);
            }
        }
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The final path.</summary>
    public string FilePath => target;

    /// <summary>Starts a summary file at <paramref name="path"/> (.tsv for text, anything else Parquet); it must not exist.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="metadata">Key-value metadata (genomics.source and the like); the tier, schema version and creator are added.</param>
    /// <param name="options">Compression and threads; defaults when null.</param>
    internal static SummaryWriter Create(string path, IReadOnlyDictionary<string, string> metadata, DatasetWriterOptions? options = null) =>
        new(path, metadata, options ?? new DatasetWriterOptions());

    /// <summary>Whether <paramref name="path"/> names a text summary.</summary>
    public static bool IsText(string path) => path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Parquet schema of summary.parquet.</summary>
    public static ParquetSchema Schema()
    {
        var fields = new List<ParquetField>
        {
            ParquetField.Primitive("variant_index", ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta),
            ParquetField.Primitive("contig", ParquetValueType.String),
            ParquetField.Primitive("pos", ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta),
            ParquetField.Primitive("id", ParquetValueType.String, nullable: true),
            ParquetField.Primitive("ref", ParquetValueType.String),
            ParquetField.Primitive("alt", ParquetValueType.String, nullable: true),
            ParquetField.Primitive("allele_index", ParquetValueType.Int32),
            ParquetField.Primitive("cohort", ParquetValueType.String),
        };
        foreach (var name in ColumnNames.Skip(8))
        {
            fields.Add(ParquetField.Primitive(name, name is "af" or "hwe_p" ? ParquetValueType.Double : ParquetValueType.Int64, nullable: true));
        }

        return new ParquetSchema([.. fields]);
    }

    /// <inheritdoc/>
    public void Write(CohortAlleleSummary row)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        Rows++;
        if (text is not null)
        {
            WriteLine(text, row);
            return;
        }

        pending.Add(row);
        if (pending.Count >= RowsPerGroup)
        {
            Flush();
        }
    }

    /// <inheritdoc/>
    public void Write(SummarySite site, int alleleIndex, IReadOnlyList<string> cohorts, ReadOnlySpan<AlleleTally> tallies, ReadOnlySpan<double> hweP)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        if (text is not null)
        {
            for (var c = 0; c < cohorts.Count; c++)
            {
                Write(CohortAlleleSummary.From(site, alleleIndex, cohorts[c], tallies[c], double.IsNaN(hweP[c]) ? null : hweP[c]));
            }

            return;
        }

        pending.AddSite(site, alleleIndex, cohorts, tallies, hweP);
        Rows += cohorts.Count;
        if (pending.Count >= RowsPerGroup)
        {
            Flush();
        }
    }

    /// <summary>Finishes the file and moves it to its final name.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(completed, this);
        if (parquet is not null)
        {
            Flush(last: true);
            parquet.Close();
        }
        else
        {
            text!.Flush();
            text.Dispose();
        }

        File.Move(temp, target);
        completed = true;
    }

    /// <summary>Without <see cref="Complete"/>, removes the temporary file.</summary>
    public void Dispose()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        try
        {
            writing?.Wait();
        }
        catch (AggregateException)
        {
            // The file is being discarded; the first error was or will be reported by the caller.
        }

        try
        {
            if (parquet is not null)
            {
                parquet.Dispose();
            }
            else
            {
                text!.Dispose();
            }
        }
        catch (IOException)
        {
            // The file is being discarded.
        }
        catch (InvalidOperationException)
        {
            // A half-written Parquet file may refuse to close; it is being discarded.
        }

        File.Delete(temp);
    }

    private static void WriteLine(StreamWriter w, CohortAlleleSummary r)
    {
        var c = CultureInfo.InvariantCulture;
        w.Write(r.VariantIndex.ToString(c));
        w.Write('\t');
        w.Write(r.Contig);
        w.Write('\t');
        w.Write(r.Pos.ToString(c));
        w.Write('\t');
        w.Write(r.Id ?? "");
        w.Write('\t');
        w.Write(r.Ref);
        w.Write('\t');
        w.Write(r.Alt ?? "");
        w.Write('\t');
        w.Write(r.AlleleIndex.ToString(c));
        w.Write('\t');
        w.Write(r.Cohort);
        foreach (var value in Counts(r))
        {
            w.Write('\t');
            w.Write(value switch
            {
                long l => l.ToString(c),
                string t => t,
                _ => "",
            });
        }

        w.Write('\t');
        w.Write(r.HweP?.ToString("R", c) ?? "");
        w.Write('\n');
    }

    // n_samples … carriers in column order, af formatted in place.
    private static IEnumerable<object?> Counts(CohortAlleleSummary r) =>
    [
        r.NSamples, r.NCalled, r.NMissing, r.Ac, r.An, r.Af is { } af ? af.ToString("R", CultureInfo.InvariantCulture) : null,
        r.NHomRef, r.NHet, r.NHomAlt, r.NHemiRef, r.NHemiAlt, r.Carriers,
    ];

    private void Flush(bool last = false)
    {
        writing?.GetAwaiter().GetResult();
        writing = null;
        if (pending.Count == 0)
        {
            return;
        }

        var full = pending;
        (pending, spare) = (spare, pending);
        pending.Clear();
        if (last)
        {
            parquet!.WriteRowGroup(full.ToArrays());
            return;
        }

        writing = Task.Run(() => parquet!.WriteRowGroup(full.ToArrays()));
    }

    private static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 20 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
