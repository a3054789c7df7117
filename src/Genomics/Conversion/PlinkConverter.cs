using Genomics.Access;
using System.Diagnostics;
using System.Security.Cryptography;
using Genomics.Dataset;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;
using Genomics.Plink;
using Genomics.Stats;

namespace Genomics.Conversion;

/// <summary>
/// PLINK 1.9 .bed/.bim/.fam → dataset. Variants stream through in row groups of a fixed genotype budget,
/// so memory does not grow with the variant count. A2 is REF and A1 is ALT, as plink2 reads a .bed.
/// </summary>
public static class PlinkConverter
{
    /// <summary>Converts a PLINK 1.9 fileset to a dataset; needs the gate's authorization for <see cref="AccessOperation.Convert"/>.</summary>
    public static ConversionResult Convert(AccessAuthorization authorization, string input, string output, PlinkConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Demand(AccessOperation.Convert);
        return Convert(input, output, options);
    }

    // The ungated body: reachable only from inside the engine (and its tests), after the gate.
    internal static ConversionResult Convert(string input, string output, PlinkConversionOptions? options = null)
    {
        options ??= new PlinkConversionOptions();
        var clock = Stopwatch.StartNew();
        using var fileset = PlinkFileset.Open(input);
        var n = fileset.SampleCount;
        var m = fileset.VariantCount;
        var bytesPerRow = PackedGenotypes.BytesPerRow(n);
        var rowsPerGroup = (int)Math.Clamp(options.GenotypesPerRowGroup / Math.Max(1, n), 1, Math.Max(1, m));

        var schema = new ParquetSchema(VariantColumns.SiteFields()
            .Append(ParquetField.Primitive(VariantColumns.CentiMorgans, ParquetValueType.Double))
            .Append(ParquetField.Primitive(VariantColumns.PlinkBimLine, ParquetValueType.String, nullable: true))
            .Append(options.Genotypes == GenotypeColumn.Dosage ? VariantColumns.DosageField() : VariantColumns.CallsField()));
        var metadata = new Dictionary<string, string>
        {
            ["genomics.source"] = "plink1.9:" + Path.GetFileName(fileset.Paths.Bed),
            ["genomics.ref_is_provisional"] = "true",
        };

        using var writer = DatasetWriter.Create(output, schema, metadata, options.Writer);
        writer.WriteSamples(SampleColumns.Schema(withFamLine: true), SampleArrays(fileset.Samples));
        using var summary = options.Summary is { } request
            ? DatasetSummary.Create(request, writer.TemporaryPath, [.. fileset.Samples.Select(s => s.IndividualId)], [.. fileset.Samples.Select(s => s.Sex)], metadata["genomics.source"], options.Writer)
            : null;

        // The .bed is hashed as its rows stream past (variant-major files are read in order), saving a second read.
        using var bedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashWhileReading = fileset.Genotypes.Layout == BedLayout.VariantMajor;
        if (hashWhileReading)
        {
            bedHash.AppendData([0x6c, 0x1b, 0x01]);
        }

        var block = new GenotypeBlockBuilder(options.Genotypes, n, rowsPerGroup);
        using var bim = fileset.OpenVariants();
        var bedSize = new FileInfo(fileset.Paths.Bed).Length;

        // Two row-group slots: while one is encoded and compressed, the next is read, hashed and parsed.
        var slots = new[] { new RowGroupSlot(rowsPerGroup, bytesPerRow), new RowGroupSlot(rowsPerGroup, bytesPerRow) };
        long next = 0;
        RowGroupSlot Fill(RowGroupSlot slot, long first)
        {
            var count = (int)Math.Min(rowsPerGroup, m - first);
            slot.Count = count;
            slot.Sites.Clear();
            slot.Records.Clear();
            for (var i = 0; i < count; i++)
            {
                if (!bim.TryRead(out var record))
                {
                    throw new GenomicsFormatException(InputErrorKind.Mismatch, fileset.Paths.Bim, $"ends after {first + i} variants; the fileset has {m}");
                }

                slot.Sites.Add(first + i, record);
                if (summary is not null)
                {
                    slot.Records.Add(record);
                }
            }

            var rows = slot.Packed.AsSpan(0, count * bytesPerRow);
            fileset.Genotypes.ReadVariants(first, count, rows);
            if (hashWhileReading)
            {
                bedHash.AppendData(rows);
            }

            return slot;
        }

        var pending = m > 0 ? Task.Run(() => Fill(slots[0], 0)) : null;
        var turn = 0;
        while (pending is not null)
        {
            var slot = pending.GetAwaiter().GetResult();
            next += slot.Count;
            turn ^= 1;
            var first = next;
            pending = next < m ? Task.Run(() => Fill(slots[turn], first)) : null;
            try
            {
                var genotypes = block.Build(slot.Packed.AsMemory(0, slot.Count * bytesPerRow), slot.Count, bytesPerRow);
                writer.WriteVariants([.. slot.Sites.ToArrays(), genotypes]);
                summary?.AddPlinkRows(next - slot.Count, slot.Records, slot.Packed.AsMemory(0, slot.Count * bytesPerRow), bytesPerRow);
            }
            catch
            {
                // Let the reader finish before the fileset is disposed under it.
                pending?.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
                throw;
            }

            options.Progress?.Report(new ConversionProgress(3 + (next * bytesPerRow), bedSize, next));
        }

        var bedInput = hashWhileReading
            ? new DatasetInput(Path.GetFileName(fileset.Paths.Bed), bedSize, System.Convert.ToHexStringLower(bedHash.GetHashAndReset()))
            : FileHashing.Describe(fileset.Paths.Bed);
        writer.Complete(new DatasetManifest
        {
            Tables = summary is null ? new Dictionary<string, DatasetTable>() : new Dictionary<string, DatasetTable>([summary.Complete()]),
            SourceFormat = "plink1.9",
            Genotypes = options.Genotypes == GenotypeColumn.Dosage ? "dosage" : "calls",
            Inputs = [bedInput, FileHashing.Describe(fileset.Paths.Bim), FileHashing.Describe(fileset.Paths.Fam)],
            Command = options.Writer.Command,
        });
        return new ConversionResult(output, n, m, clock.Elapsed);
    }

    private static ColumnArray[] SampleArrays(IReadOnlyList<FamRecord> samples)
    {
        var n = samples.Count;
        return
        [
            new PrimitiveArray<int>(Enumerable.Range(0, n).ToArray()),
            BinaryArray.FromStrings([.. samples.Select(s => s.IndividualId)]),
            BinaryArray.FromStrings([.. samples.Select(s => s.FamilyId)]),
            BinaryArray.FromStrings([.. samples.Select(s => s.FatherId)]),
            BinaryArray.FromStrings([.. samples.Select(s => s.MotherId)]),
            new PrimitiveArray<sbyte>(samples.Select(s => (sbyte)s.Sex).ToArray()),
            BinaryArray.FromStrings([.. samples.Select(s => s.Phenotype)]),
            BinaryArray.FromStrings([.. samples.Select(PlinkLines.FamLineIfIrregular)]),
        ];
    }
}
