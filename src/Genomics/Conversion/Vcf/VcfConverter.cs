using Genomics.Access;
using System.Diagnostics;
using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Stats;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>
/// VCF (plain, gzip or BGZF; a file or a stream such as standard input) → dataset. Batches of records stream through
/// in bounded memory: while one batch is turned into a row group and written, the reader fills the next. The
/// variants table's columns follow what the file turns out to hold (<see cref="VcfDatasetLayout"/>); when a later batch
/// adds a column, needs 64-bit integers or a larger ploidy, writing continues in a new part and the earlier parts are
/// rewritten to the final schema at the end, from the dataset itself, so the input is read exactly once.
/// </summary>
public static class VcfConverter
{
    /// <summary>Converts a VCF file (plain, gzip or BGZF) to a dataset; needs the gate's authorization for <see cref="AccessOperation.Convert"/>.</summary>
    /// <param name="authorization">What the gate returned for this operation.</param>
    /// <summary>Converts the file at <paramref name="input"/>, or standard input when it is "-".</summary>
    /// <param name="input">A VCF path, or "-".</param>
    /// <param name="output">The dataset folder to create; it must not exist.</param>
    /// <param name="options">Null for the defaults (calls, zstd).</param>
    public static ConversionResult Convert(AccessAuthorization authorization, string input, string output, VcfConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Demand(AccessOperation.Convert);
        return Convert(input, output, options);
    }

    /// <summary>Converts VCF text from a stream (standard input); needs the gate's authorization for <see cref="AccessOperation.Convert"/>.</summary>
    public static ConversionResult Convert(AccessAuthorization authorization, Stream input, string name, long? length, string output, VcfConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Demand(AccessOperation.Convert);
        return Convert(input, name, length, output, options);
    }

    // The ungated bodies: reachable only from inside the engine (and its tests), after the gate.
    /// <summary>Converts the file at <paramref name="input"/>, or standard input when it is "-".</summary>
    /// <param name="input">A VCF path, or "-".</param>
    /// <param name="output">The dataset folder to create; it must not exist.</param>
    /// <param name="options">Null for the defaults (calls, zstd).</param>
    internal static ConversionResult Convert(string input, string output, VcfConversionOptions? options = null)
    {
        if (input == "-")
        {
            return Convert(Console.OpenStandardInput(), "<stdin>", null, output, options);
        }

        var file = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return Convert(file, input, file.Length, output, options);
    }

    /// <summary>Converts the VCF read from <paramref name="input"/> (which is disposed).</summary>
    /// <param name="input">The bytes as stored (compressed or not); need not be seekable.</param>
    /// <param name="name">The name messages and the manifest use.</param>
    /// <param name="length">The input's size when known, for progress.</param>
    /// <param name="output">The dataset folder to create; it must not exist.</param>
    /// <param name="options">Null for the defaults (calls, zstd).</param>
    internal static ConversionResult Convert(Stream input, string name, long? length, string output, VcfConversionOptions? options = null)
    {
        options ??= new VcfConversionOptions();
        var clock = Stopwatch.StartNew();
        var tap = new InputTap(input);
        using var reader = OpenReader(tap, name, options.Reader);
        var header = reader.Header;
        var samples = header.Samples.Count;
        var names = new VcfColumnNames(VcfDatasetLayout.FixedNames);
        var layout = VcfDatasetLayout.FromHeader(options.Genotypes, samples, reader.InfoFields, reader.FormatFields, names);
        var metadata = new Dictionary<string, string>
        {
            ["genomics.source"] = "vcf:" + Path.GetFileName(name),
            ["genomics.vcf_header"] = header.Text,
        };

        using var writer = DatasetWriter.Create(output, layout.Schema, metadata, options.Writer);
        writer.WriteSamples(SampleColumns.Schema(withFamLine: false), SampleArrays(header.Samples));
        using var summary = options.Summary is { } request
            ? DatasetSummary.Create(request, writer.TemporaryPath, header.Samples, null, metadata["genomics.source"], options.Writer)
            : null;
        var history = new LayoutHistory(layout);
        var builder = new VcfRowGroupBuilder();
        reader.ForEachBatch(batch =>
        {
            var grown = layout.Grow(batch, names);
            if (!ReferenceEquals(grown, layout))
            {
                writer.ChangeVariantsSchema(grown.Schema, force: true);
                layout = grown;
                history.Add(writer.PartCount, layout);
            }

            writer.WriteVariants(builder.Build(batch, layout));
            summary?.AddVcfBatch(batch);
            options.Progress?.Report(new ConversionProgress(tap.BytesRead, length, reader.VariantsRead));
        });

        var final = layout;
        writer.RewriteParts(
            (part, _) => !ReferenceEquals(history.Of(part), final),
            (part, schema, columns) => VcfPartMigration.Adapt(history.Of(part), final, schema, columns));
        var sha256 = tap.Finish();
        writer.Complete(new DatasetManifest
        {
            Tables = summary is null ? new Dictionary<string, DatasetTable>() : new Dictionary<string, DatasetTable>([summary.Complete()]),
            SourceFormat = "vcf",
            Genotypes = options.Genotypes == GenotypeColumn.Dosage ? "dosage" : "calls",
            Inputs = [new DatasetInput(Path.GetFileName(name), tap.BytesRead, sha256)],
            Command = options.Writer.Command,
        });
        return new ConversionResult(output, samples, reader.VariantsRead, clock.Elapsed);
    }

    /// <summary>Opens the reader over the tap; a header that fails to parse disposes the tap with it.</summary>
    internal static VcfReader OpenReader(InputTap tap, string name, VcfReaderOptions options)
    {
        try
        {
            return VcfReader.Open(tap, name, options);
        }
        catch
        {
            tap.Dispose();
            throw;
        }
    }

    private static ColumnArray[] SampleArrays(IReadOnlyList<string> ids)
    {
        var n = ids.Count;
        var none = new string?[n];
        return
        [
            new PrimitiveArray<int>(Enumerable.Range(0, n).ToArray()),
            BinaryArray.FromStrings(ids),
            BinaryArray.FromStrings(none),
            BinaryArray.FromStrings(none),
            BinaryArray.FromStrings(none),
            new PrimitiveArray<sbyte>(new sbyte[n]),
            BinaryArray.FromStrings(none),
        ];
    }

    /// <summary>Which layout each part was written with: a layout applies from its first part until the next one's.</summary>
    private sealed class LayoutHistory(VcfDatasetLayout first)
    {
        private readonly List<(int FirstPart, VcfDatasetLayout Layout)> entries = [(0, first)];

        public void Add(int firstPart, VcfDatasetLayout layout) => entries.Add((firstPart, layout));

        public VcfDatasetLayout Of(int part) => entries.Last(e => e.FirstPart <= part).Layout;
    }
}
