using System.Diagnostics;
using System.Globalization;
using System.Text;
using Genomics.Access;
using Genomics.Dataset;
using Genomics.Parquet;

namespace Genomics.Stats;

/// <summary>
/// <c>genomics summarize --release public</c>: a per-cohort summary put through <see cref="DisclosureControl"/> and
/// written as a public-tier file. Same columns as the controlled summary, suppressed cells null, plus
/// <c>suppressed</c> (LIST&lt;STRING&gt; in Parquet, comma-separated in TSV) naming them, and the key-value metadata
/// <c>genomics.tier=public</c> and <c>genomics.disclosure_threshold</c>. Nothing participant-level goes in: no sample
/// names, no input paths beyond the source file's name.
/// </summary>
public static class PublicSummaryRelease
{
    private const int RowsPerGroup = 1 << 17;

    /// <summary>
    /// Summarizes <paramref name="input"/> (as <see cref="Summarizer.Run(AccessAuthorization, string, string, SummaryOptions?)"/>) into a hidden controlled-tier file beside
    /// <paramref name="output"/>, releases it with disclosure control at <paramref name="threshold"/> (20 or more) and
    /// writes the public file; the controlled file is removed whatever happens.
    /// </summary>
    /// <param name="authorization">The gate's authorization for <see cref="AccessOperation.SummarizePublicRelease"/>: the release reads genotypes.</param>
    /// <param name="input">A VCF, a PLINK fileset or a dataset folder.</param>
    /// <param name="output">The public summary to create (.tsv for text, anything else Parquet); it must not exist.</param>
    /// <param name="options">Cohorts, ploidy, threads and codec, as for a summary.</param>
    /// <param name="threshold">Counts 1..threshold are suppressed; below <see cref="DisclosureControl.MinimumThreshold"/> is refused.</param>
    public static PublicReleaseResult Run(AccessAuthorization authorization, string input, string output, SummaryOptions? options = null, int threshold = DisclosureControl.MinimumThreshold)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Demand(AccessOperation.SummarizePublicRelease);
        var clock = Stopwatch.StartNew();
        options ??= new SummaryOptions();
        var control = new DisclosureControl(threshold);
        var target = Path.GetFullPath(output);
        var parent = Path.GetDirectoryName(target) ?? ".";
        if (File.Exists(target) || Directory.Exists(target))
        {
            // Checked before the summary run, so a long run is not wasted on a name that cannot be used.
            throw new IOException($"{output}: already exists; choose another --out or remove it first");
        }

        if (!Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"{output}: the folder {parent} does not exist");
        }

        var controlled = Path.Combine(parent, $".{Path.GetFileName(target)}.controlled-{Environment.ProcessId}-{Guid.NewGuid():N}.parquet");
        try
        {
            var summary = SummarizeControlled(authorization, input, controlled, options);
            var file = SummaryFile.Open(controlled);
            var released = Apply([.. file.ReadAll().Select(r => r.Row)], control);
            var source = file.Metadata.TryGetValue("genomics.source", out var s) ? s : "unknown";
            Write(released, output, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["genomics.source"] = source,
                ["genomics.disclosure_threshold"] = threshold.ToString(CultureInfo.InvariantCulture),
            }, options.Writer);
            var cells = released.Sum(r => (long)r.Suppressed.Count);
            var rows = released.LongCount(r => r.Suppressed.Count > 0);
            return new PublicReleaseResult(summary with { Output = output, Elapsed = clock.Elapsed }, output, cells, rows, threshold);
        }
        finally
        {
            File.Delete(controlled);
        }
    }

    /// <summary>
    /// Puts summary rows (as <see cref="Summarizer"/> writes them, grouped by variant) through
    /// <paramref name="control"/>: the same rows in the same order, suppressed counts, af and hwe_p null and named.
    /// </summary>
    public static IReadOnlyList<PublicSummaryRow> Apply(IReadOnlyList<CohortAlleleSummary> rows, DisclosureControl control)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(control);
        var offered = rows.Select(r => new ReleaseRow
        {
            VariantIndex = r.VariantIndex,
            AlleleIndex = r.AlleleIndex,
            Cohort = r.Cohort,
            NSamples = r.NSamples,
            NCalled = r.NCalled,
            NMissing = r.NMissing,
            Ac = r.Ac,
            An = r.An,
            NHomRef = r.NHomRef,
            NHet = r.NHet,
            NHomAlt = r.NHomAlt,
            NHemiRef = r.NHemiRef,
            NHemiAlt = r.NHemiAlt,
            Carriers = r.Carriers,
            Af = r.Af,
            HweP = r.HweP,
        }).ToArray();
        var released = control.Apply(offered);
        var output = new PublicSummaryRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var p = released[i];
            output[i] = new PublicSummaryRow(
                rows[i] with
                {
                    NSamples = p.NSamples,
                    NCalled = p.NCalled,
                    NMissing = p.NMissing,
                    Ac = p.Ac,
                    An = p.An,
                    NHomRef = p.NHomRef,
                    NHet = p.NHet,
                    NHomAlt = p.NHomAlt,
                    NHemiRef = p.NHemiRef,
                    NHemiAlt = p.NHemiAlt,
                    Carriers = p.Carriers,
                    Af = p.Af,
                    HweP = p.HweP,
                },
                // DisclosureControl lists af and hwe_p after the counts; the file lists them in its own column order.
                [.. p.Suppressed.OrderBy(ColumnPosition)]);
        }

        return output;
    }

    private static int ColumnPosition(string column)
    {
        for (var i = 0; i < SummaryWriter.ColumnNames.Count; i++)
        {
            if (SummaryWriter.ColumnNames[i] == column)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>
    /// Writes released rows as a public-tier summary at <paramref name="output"/> (.tsv for text, anything else
    /// Parquet), under a hidden temporary name renamed at the end. Rows that still hold a count in
    /// 1..<see cref="DisclosureControl.MinimumThreshold"/> are refused before anything is written: this writer cannot
    /// publish an unsuppressed summary by mistake.
    /// </summary>
    /// <param name="rows">Rows from <see cref="Apply"/>.</param>
    /// <param name="output">The file to create; it must not exist.</param>
    /// <param name="metadata">Key-value metadata (genomics.source, …); the tier, schema version and creator are added.</param>
    /// <param name="options">Codec and threads; defaults when null.</param>
    public static void Write(IReadOnlyList<PublicSummaryRow> rows, string output, IReadOnlyDictionary<string, string> metadata, DatasetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new DatasetWriterOptions();
        foreach (var (row, index) in rows.Select((r, i) => (r.Row, i)))
        {
            for (var k = 0; k < ReleaseRow.CountColumns.Count; k++)
            {
                if (SummaryFile.Count(row, k) is >= 1 and <= DisclosureControl.MinimumThreshold and var value)
                {
                    throw new ArgumentException($"row {index} ({row.Cohort}, variant {row.VariantIndex}) holds {ReleaseRow.CountColumns[k]} = {value}: not disclosure-controlled", nameof(rows));
                }
            }
        }

        var target = Path.GetFullPath(output);
        var parent = Path.GetDirectoryName(target) ?? ".";
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"{output}: already exists; choose another --out or remove it first");
        }

        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (SummaryWriter.IsText(output))
                {
                    WriteText(stream, rows);
                }
                else
                {
                    WriteParquet(stream, rows, metadata, options);
                }
            }

            File.Move(temp, target);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The one call into the gated summary engine, with the release's own authorization.</summary>
    private static SummaryResult SummarizeControlled(AccessAuthorization authorization, string input, string controlledOutput, SummaryOptions options) =>
        Summarizer.Run(authorization, input, controlledOutput, options);

    private static void WriteParquet(Stream stream, IReadOnlyList<PublicSummaryRow> rows, IReadOnlyDictionary<string, string> metadata, DatasetWriterOptions options)
    {
        var schema = new ParquetSchema([.. SummaryWriter.Schema().Fields,
            ParquetField.List(SummaryFile.SuppressedColumn, ParquetField.Primitive("element", ParquetValueType.String), nullable: false)]);
        using var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions
        {
            Compression = options.Compression,
            CompressionLevel = options.CompressionLevel ?? (options.Compression == ParquetCompression.Zstd ? 1 : null),
            CompressionThreads = Math.Max(1, options.Threads),
            CreatedBy = "genomics version " + EngineInfo.Version,
        }, leaveOpen: true);
        var stamped = new Dictionary<string, string>(metadata, StringComparer.Ordinal)
        {
            ["genomics.schema_version"] = DatasetManifest.CurrentSchemaVersion,
            ["genomics.tier"] = DatasetTier.Public,
            ["genomics.created_by"] = "genomics " + EngineInfo.Version,
        };
        foreach (var (key, value) in stamped)
        {
            writer.SetMetadata(key, value);
        }

        var columns = new SummaryColumns();
        for (var start = 0; start < rows.Count || start == 0; start += RowsPerGroup)
        {
            var count = Math.Min(RowsPerGroup, rows.Count - start);
            if (count <= 0)
            {
                break;
            }

            columns.Clear();
            var offsets = new int[count + 1];
            var names = new List<string?>();
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                columns.Add(row.Row);
                names.AddRange(row.Suppressed);
                offsets[i + 1] = names.Count;
            }

            var arrays = columns.ToArrays();
            arrays.Add(new ListArray(offsets, BinaryArray.FromStrings(names)));
            writer.WriteRowGroup(arrays);
        }

        writer.Close();
    }

    private static void WriteText(Stream stream, IReadOnlyList<PublicSummaryRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(string.Join('\t', [.. SummaryWriter.ColumnNames, SummaryFile.SuppressedColumn]));
        foreach (var (r, suppressed) in rows)
        {
            object?[] cells =
            [
                r.VariantIndex, r.Contig, r.Pos, r.Id, r.Ref, r.Alt, r.AlleleIndex, r.Cohort, r.NSamples, r.NCalled, r.NMissing,
                r.Ac, r.An, r.Af, r.NHomRef, r.NHet, r.NHomAlt, r.NHemiRef, r.NHemiAlt, r.Carriers, r.HweP,
            ];
            w.Write(string.Join('\t', cells.Select(v => v switch
            {
                null => "",
                double d => d.ToString("R", c),
                IFormattable f => f.ToString(null, c),
                _ => v.ToString(),
            })));
            w.Write('\t');
            w.Write(string.Join(',', suppressed));
            w.Write('\n');
        }
    }
}
