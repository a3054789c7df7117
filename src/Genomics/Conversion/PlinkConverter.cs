using System.Diagnostics;
using System.Security.Cryptography;
using Genomics.Dataset;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;
using Genomics.Plink;

namespace Genomics.Conversion;

/// <summary>
/// PLINK 1.9 .bed/.bim/.fam → dataset. Variants stream through in row groups of a fixed genotype budget,
/// so memory does not grow with the variant count. A2 is REF and A1 is ALT, as plink2 reads a .bed.
/// </summary>
public static class PlinkConverter
{
    public static ConversionResult Convert(string input, string output, PlinkConversionOptions? options = null)
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

        // The .bed is hashed as its rows stream past (variant-major files are read in order), saving a second read.
        using var bedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashWhileReading = fileset.Genotypes.Layout == BedLayout.VariantMajor;
        if (hashWhileReading)
        {
            bedHash.AppendData([0x6c, 0x1b, 0x01]);
        }

        var packed = new byte[(long)rowsPerGroup * bytesPerRow];
        var block = new GenotypeBlockBuilder(options.Genotypes, n, rowsPerGroup);
        using var bim = fileset.OpenVariants();
        var sites = new PlinkSiteColumns(rowsPerGroup);
        long done = 0;
        var bedSize = new FileInfo(fileset.Paths.Bed).Length;
        while (done < m)
        {
            var count = (int)Math.Min(rowsPerGroup, m - done);
            sites.Clear();
            for (var i = 0; i < count; i++)
            {
                if (!bim.TryRead(out var record))
                {
                    throw new GenomicsFormatException(InputErrorKind.Mismatch, fileset.Paths.Bim, $"ends after {done + i} variants; the fileset has {m}");
                }

                sites.Add(done + i, record);
            }

            var rows = packed.AsSpan(0, count * bytesPerRow);
            fileset.Genotypes.ReadVariants(done, count, rows);
            if (hashWhileReading)
            {
                bedHash.AppendData(rows);
            }

            var genotypes = block.Build(packed.AsMemory(0, count * bytesPerRow), count, bytesPerRow);
            writer.WriteVariants([.. sites.ToArrays(), genotypes]);
            done += count;
            options.Progress?.Report(new ConversionProgress(3 + (done * bytesPerRow), bedSize, done));
        }

        var bedInput = hashWhileReading
            ? new DatasetInput(Path.GetFileName(fileset.Paths.Bed), bedSize, System.Convert.ToHexStringLower(bedHash.GetHashAndReset()))
            : FileHashing.Describe(fileset.Paths.Bed);
        writer.Complete(new DatasetManifest
        {
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
