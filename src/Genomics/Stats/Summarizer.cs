using Genomics.Access;
using System.Diagnostics;
using Genomics.Cohorts;
using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;
using Genomics.Plink;
using Genomics.Vcf;

namespace Genomics.Stats;

/// <summary>
/// <c>genomics summarize</c>: per-cohort statistics of a VCF, a PLINK fileset or a dataset, in one pass over the
/// genotypes, written to summary.parquet or .tsv.
/// </summary>
public static class Summarizer
{
    /// <summary>
    /// Computes the per-cohort summary of a VCF, a PLINK fileset or a dataset; needs the gate's authorization for
    /// <see cref="AccessOperation.Summarize"/> (or, for a summary released as public, <see cref="AccessOperation.SummarizePublicRelease"/>).
    /// </summary>
    public static SummaryResult Run(AccessAuthorization authorization, string input, string output, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (authorization.Operation != AccessOperation.SummarizePublicRelease)
        {
            authorization.Demand(AccessOperation.Summarize);
        }

        return Run(input, output, options);
    }

    // The ungated body: reachable only from inside the engine (and its tests), after the gate.
    /// <summary>Summarizes <paramref name="input"/> (VCF path or "-", PLINK prefix or file, or dataset folder) into <paramref name="output"/>.</summary>
    internal static SummaryResult Run(string input, string output, SummaryOptions? options = null)
    {
        options ??= new SummaryOptions();
        var cohortsFile = options.CohortsPath is { } path ? CohortsFile.Read(path) : null;
        if (Directory.Exists(input) && File.Exists(Path.Combine(input, DatasetManifest.FileName)))
        {
            return FromDataset(input, output, cohortsFile, options);
        }

        return PlinkPaths.LooksLikeFileset(input)
            ? FromPlink(input, output, cohortsFile, options)
            : FromVcf(input, output, cohortsFile, options);
    }

    /// <summary>The sexes the ploidy model uses: the cohorts file's <see cref="SummaryOptions.SexFrom"/> column if given, else <paramref name="fallback"/>.</summary>
    public static IReadOnlyList<PlinkSex> Sexes(CohortsFile? file, SummaryOptions options, IReadOnlyList<string> ids, IReadOnlyList<PlinkSex> fallback)
    {
        if (options.SexFrom is not { } column)
        {
            return fallback;
        }

        if (file is null)
        {
            throw new ArgumentException("--sex-from names a column of the cohorts file; give --cohorts too");
        }

        return file.SexesOf(column, ids);
    }

    private static SummaryResult FromPlink(string input, string output, CohortsFile? cohortsFile, SummaryOptions options)
    {
        var clock = Stopwatch.StartNew();
        using var fileset = PlinkFileset.Open(input);
        var ids = fileset.Samples.Select(s => s.IndividualId).ToArray();
        var cohorts = CohortSet.Resolve(cohortsFile, ids);
        var ploidy = new PloidyModel(Sexes(cohortsFile, options, ids, [.. fileset.Samples.Select(s => s.Sex)]), options.Par);
        using var writer = SummaryWriter.Create(output, Metadata("plink1.9:" + Path.GetFileName(fileset.Paths.Bed)), WriterOptions(options));
        var pass = new SummaryPass(cohorts, ploidy, writer, options.Threads);
        var bytesPerRow = PackedGenotypes.BytesPerRow(fileset.SampleCount);
        var m = fileset.VariantCount;
        var rowsPerChunk = (int)Math.Clamp((16L << 20) / Math.Max(1, bytesPerRow), 64, Math.Max(64, m));
        using var bim = fileset.OpenVariants();
        var bedSize = new FileInfo(fileset.Paths.Bed).Length;

        // Two chunks: while one is counted, the next is read.
        var chunks = new[] { new PlinkChunk(rowsPerChunk, bytesPerRow), new PlinkChunk(rowsPerChunk, bytesPerRow) };
        PlinkChunk Fill(PlinkChunk chunk, long first)
        {
            var count = (int)Math.Min(rowsPerChunk, m - first);
            chunk.First = first;
            chunk.Records.Clear();
            for (var i = 0; i < count; i++)
            {
                if (!bim.TryRead(out var record))
                {
                    throw new GenomicsFormatException(InputErrorKind.Mismatch, fileset.Paths.Bim, $"ends after {first + i} variants; the fileset has {m}");
                }

                chunk.Records.Add(record);
            }

            fileset.Genotypes.ReadVariants(first, count, chunk.Rows.AsSpan(0, count * bytesPerRow));
            return chunk;
        }

        var pending = m > 0 ? Task.Run(() => Fill(chunks[0], 0)) : null;
        var turn = 0;
        long next = 0;
        while (pending is not null)
        {
            var chunk = pending.GetAwaiter().GetResult();
            next += chunk.Records.Count;
            turn ^= 1;
            var first = next;
            pending = next < m ? Task.Run(() => Fill(chunks[turn], first)) : null;
            try
            {
                pass.AddPlinkRows(chunk.First, chunk.Records, chunk.Rows, bytesPerRow);
            }
            catch
            {
                pending?.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
                throw;
            }

            options.Progress?.Report(new ConversionProgress(3 + (next * bytesPerRow), bedSize, next));
        }

        writer.Complete();
        return new SummaryResult(output, fileset.SampleCount, pass.Sites, writer.Rows, cohorts.Count, cohorts.ListedButAbsent, clock.Elapsed);
    }

    private static SummaryResult FromVcf(string input, string output, CohortsFile? cohortsFile, SummaryOptions options)
    {
        var clock = Stopwatch.StartNew();
        var stdin = input == "-";
        var tap = new InputTap(stdin ? Console.OpenStandardInput() : new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan));
        long? length = stdin ? null : new FileInfo(input).Length;
        var reader = VcfConverter.OpenReader(tap, stdin ? "<stdin>" : input, options.Reader);

        using (reader)
        {
            var ids = reader.Header.Samples;
            var cohorts = CohortSet.Resolve(cohortsFile, ids);
            using var writer = SummaryWriter.Create(output, Metadata("vcf:" + Path.GetFileName(stdin ? "<stdin>" : input)), WriterOptions(options));
            var pass = new SummaryPass(cohorts, null, writer);
            reader.ForEachBatch(batch =>
            {
                pass.AddVcfBatch(batch);
                options.Progress?.Report(new ConversionProgress(tap.BytesRead, length, reader.VariantsRead));
            });

            writer.Complete();
            return new SummaryResult(output, ids.Count, pass.Sites, writer.Rows, cohorts.Count, cohorts.ListedButAbsent, clock.Elapsed);
        }
    }

    private static SummaryResult FromDataset(string input, string output, CohortsFile? cohortsFile, SummaryOptions options)
    {
        var clock = Stopwatch.StartNew();
        var dataset = DatasetReader.Open(input);
        var samples = dataset.ReadSamples();
        var idColumn = (BinaryArray)samples[SampleColumns.SampleId];
        var ids = Enumerable.Range(0, idColumn.Length).Select(i => idColumn.GetString(i)!).ToArray();
        var sexColumn = ((PrimitiveArray<sbyte>)samples[SampleColumns.Sex]).Values.ToArray();
        var fromPlink = dataset.Manifest.SourceFormat == "plink1.9";
        var cohorts = CohortSet.Resolve(cohortsFile, ids);

        // Ploidy by sex and chromosome for PLINK-born datasets (as for the .bed); a VCF's calls carry their own.
        var ploidy = fromPlink
            ? new PloidyModel(Sexes(cohortsFile, options, ids, [.. sexColumn.Select(s => (PlinkSex)s)]), options.Par)
            : null;
        using var writer = SummaryWriter.Create(output, Metadata("dataset:" + Path.GetFileName(Path.GetFullPath(input).TrimEnd('/'))), WriterOptions(options));
        var pass = new SummaryPass(cohorts, ploidy, writer);
        var n = ids.Length;
        var bytesPerRow = PackedGenotypes.BytesPerRow(n);
        var packed = new byte[bytesPerRow];
        var dosage = new sbyte[n];
        var wide = Array.Empty<sbyte>();
        string[] columns =
        [
            VariantColumns.VariantIndex, VariantColumns.Contig, VariantColumns.Pos, VariantColumns.Id, VariantColumns.Ref, VariantColumns.Alt,
            VariantColumns.AlleleIndex, VariantColumns.Dosage, VariantColumns.CallGenotype,
        ];
        foreach (var group in dataset.ReadVariants(columns, PackedCodeRequest.BedDosage(VariantColumns.Dosage)))
        {
            var index = ((PrimitiveArray<long>)group[VariantColumns.VariantIndex]).Values.Span;
            var contig = (BinaryArray)group[VariantColumns.Contig];
            var pos = ((PrimitiveArray<long>)group[VariantColumns.Pos]).Values.Span;
            var id = (BinaryArray)group[VariantColumns.Id];
            var reference = (BinaryArray)group[VariantColumns.Ref];
            var alt = (ListArray)group[VariantColumns.Alt];
            var altValues = (BinaryArray)alt.Values;
            var altOffsets = alt.Offsets.Span;
            var alleleIndex = group.TryGetValue(VariantColumns.AlleleIndex, out var ai) ? (PrimitiveArray<int>)ai : null;
            group.TryGetValue(VariantColumns.Dosage, out var dosageColumn);
            var codes = dosageColumn as PackedCodeListArray;
            var lists = codes is null ? (ListArray)(dosageColumn ?? group[VariantColumns.CallGenotype]) : null;
            for (var v = 0; v < contig.Length; v++)
            {
                var alts = new string[altOffsets[v + 1] - altOffsets[v]];
                for (var a = 0; a < alts.Length; a++)
                {
                    alts[a] = altValues.GetString(altOffsets[v] + a)!;
                }

                var site = new SummarySite(index[v], contig.GetString(v)!, pos[v], id.GetString(v), reference.GetString(v)!, alts);
                var allele = alleleIndex is not null && alleleIndex.IsValid(v) && alleleIndex.Values.Span[v] > 0 ? alleleIndex.Values.Span[v] : 1;
                if (codes is not null)
                {
                    pass.AddPacked(site, allele, codes.Row(v));
                    continue;
                }

                var values = (PrimitiveArray<sbyte>)lists!.Values;
                var start = lists.Offsets.Span[v];
                var length = lists.Offsets.Span[v + 1] - start;
                if (dosageColumn is not null)
                {
                    for (var s = 0; s < n; s++)
                    {
                        dosage[s] = values.IsValid(start + s) ? values.Values.Span[start + s] : (sbyte)-1;
                    }

                    GenotypeKernels.DosagePacker.Pack(dosage, packed);
                    pass.AddPacked(site, allele, packed);
                }
                else if (ploidy is not null && n > 0 && length == 2 * n)
                {
                    // PLINK calls (two alleles per sample): read through the .bed codes so sex and chromosome apply.
                    var calls = values.Values.Span.Slice(start, length);
                    for (var s = 0; s < n; s++)
                    {
                        var (x, y) = (calls[2 * s], calls[(2 * s) + 1]);
                        dosage[s] = x < 0 || y < 0 ? (sbyte)-1 : (sbyte)(x + y);
                    }

                    GenotypeKernels.DosagePacker.Pack(dosage, packed);
                    pass.AddPacked(site, 1, packed);
                }
                else
                {
                    var ploidySlots = n == 0 ? 0 : length / n;
                    if (wide.Length < length)
                    {
                        wide = new sbyte[length];
                    }

                    values.Values.Span.Slice(start, length).CopyTo(wide);
                    pass.AddWide(site, wide.AsSpan(0, length), ploidySlots);
                }
            }
        }

        writer.Complete();
        return new SummaryResult(output, n, pass.Sites, writer.Rows, cohorts.Count, cohorts.ListedButAbsent, clock.Elapsed);
    }

    /// <summary>Key-value metadata of a summary of <paramref name="source"/>.</summary>
    public static Dictionary<string, string> Metadata(string source) => new(StringComparer.Ordinal) { ["genomics.source"] = source };

    private static DatasetWriterOptions WriterOptions(SummaryOptions options) => options.Writer with { Threads = Math.Max(1, options.Threads) };

    private sealed class PlinkChunk(int rows, int bytesPerRow)
    {
        public List<BimRecord> Records { get; } = new(rows);

        public byte[] Rows { get; } = new byte[(long)rows * bytesPerRow];

        public long First { get; set; }
    }
}
