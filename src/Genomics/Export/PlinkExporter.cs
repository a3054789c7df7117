using Genomics.Access;
using Genomics.Dataset;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;
using Genomics.Plink;

namespace Genomics.Export;

/// <summary>
/// Dataset → PLINK 1.9 .bed/.bim/.fam. A dataset converted from PLINK gives back its original files byte
/// for byte (irregular lines were kept verbatim); one converted from VCF gives its biallelic sites, with
/// multi-allelic sites skipped and counted.
/// </summary>
public static class PlinkExporter
{
    /// <summary>Writes a dataset as .bed/.bim/.fam; needs the gate's authorization for <see cref="AccessOperation.ExportPlink"/>.</summary>
    public static PlinkExportResult Export(AccessAuthorization authorization, string datasetPath, string prefix)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Demand(AccessOperation.ExportPlink);
        return Export(datasetPath, prefix);
    }

    // The ungated body: reachable only from inside the engine (and its tests), after the gate.
    internal static PlinkExportResult Export(string datasetPath, string prefix)
    {
        var dataset = DatasetReader.Open(datasetPath);
        var samples = dataset.ReadSamples();
        var fam = FamRecords(samples);
        var n = fam.Count;
        var bytesPerRow = PackedGenotypes.BytesPerRow(n);
        var packed = new byte[bytesPerRow];
        sbyte[] dosage = new sbyte[n];
        long written = 0, skipped = 0;

        using var writer = PlinkFilesetWriter.Create(prefix, fam);
        string[] columns =
        [
            VariantColumns.Contig, VariantColumns.Pos, VariantColumns.Id, VariantColumns.Ref, VariantColumns.Alt,
            VariantColumns.CentiMorgans, VariantColumns.PlinkBimLine, VariantColumns.Dosage, VariantColumns.CallGenotype,
            VariantColumns.VariantIndex, VariantColumns.AlleleIndex,
        ];
        foreach (var group in dataset.ReadVariants(columns, PackedCodeRequest.BedDosage(VariantColumns.Dosage)))
        {
            var contig = (BinaryArray)group[VariantColumns.Contig];
            var pos = ((PrimitiveArray<long>)group[VariantColumns.Pos]).Values.Span;
            var id = (BinaryArray)group[VariantColumns.Id];
            var reference = (BinaryArray)group[VariantColumns.Ref];
            var alt = (ListArray)group[VariantColumns.Alt];
            var altValues = (BinaryArray)alt.Values;
            var cm = group.TryGetValue(VariantColumns.CentiMorgans, out var cmArray) ? (PrimitiveArray<double>)cmArray : null;
            var line = group.TryGetValue(VariantColumns.PlinkBimLine, out var lineArray) ? (BinaryArray)lineArray : null;
            var bedRows = group.TryGetValue(VariantColumns.Dosage, out var d) ? d as PackedCodeListArray : null;
            var genotypes = bedRows is null ? (ListArray)(d ?? group[VariantColumns.CallGenotype]) : null;
            var isDosage = group.ContainsKey(VariantColumns.Dosage);
            var altOffsets = alt.Offsets.Span;
            var split = SplitSites.Of(group);
            for (var v = 0; v < contig.Length; v++)
            {
                var alts = altOffsets[v + 1] - altOffsets[v];
                if (alts > 1 || split.IsMultiAllelic(v))
                {
                    skipped += split.IsFirstRowOfSite(v) ? 1 : 0;
                    continue;
                }

                // No ALT: PLINK 1.9's missing allele code '0' for PLINK input (what its .bim had), '.' for VCF input (what plink2 writes).
                var a1 = alts > 0 ? altValues.GetString(altOffsets[v])! : line is null ? "." : "0";
                var record = new BimRecord(
                    line is null ? PlinkChromosome.Normalize(contig.GetString(v)!) : contig.GetString(v)!,
                    id.GetString(v) ?? ".",
                    cm?.Values.Span[v] ?? 0,
                    pos[v],
                    a1,
                    reference.GetString(v)!,
                    line?.GetString(v) is { } raw ? SplitLine(raw) : null);
                if (bedRows is not null)
                {
                    // Fast path: the stored codes already are .bed rows.
                    writer.WriteVariant(record, bedRows.Row(v));
                    written++;
                    continue;
                }

                if (isDosage)
                {
                    DosageRow(genotypes!, v, dosage);
                }
                else
                {
                    CallsToDosage(genotypes!, v, dosage, datasetPath);
                }

                GenotypeKernels.DosagePacker.Pack(dosage, packed);
                writer.WriteVariant(record, packed);
                written++;
            }
        }

        writer.Complete();
        return new PlinkExportResult(prefix, n, written, skipped);
    }

    private static List<FamRecord> FamRecords(IReadOnlyDictionary<string, ColumnArray> s)
    {
        var ids = (BinaryArray)s[SampleColumns.SampleId];
        var fid = (BinaryArray)s[SampleColumns.FamilyId];
        var father = (BinaryArray)s[SampleColumns.FatherId];
        var mother = (BinaryArray)s[SampleColumns.MotherId];
        var sex = ((PrimitiveArray<sbyte>)s[SampleColumns.Sex]).Values.Span;
        var pheno = (BinaryArray)s[SampleColumns.Phenotype];
        var line = s.TryGetValue(SampleColumns.PlinkFamLine, out var l) ? (BinaryArray)l : null;
        var list = new List<FamRecord>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var record = new FamRecord(
                fid.GetString(i),
                ids.GetString(i)!,
                father.GetString(i),
                mother.GetString(i),
                (PlinkSex)sex[i],
                pheno.GetString(i),
                line?.GetString(i) is { } raw ? SplitLine(raw) : null);

            // Without .fam lines the samples came from a VCF: write them as plink2 --vcf … --make-bed does, tab-separated.
            list.Add(line is null
                ? new FamRecord(record.FamilyId, record.IndividualId, record.FatherId, record.MotherId, record.Sex, record.Phenotype, record.Format('\t'))
                : record);
        }

        return list;
    }

    private static SourceLine SplitLine(string raw) =>
        raw.EndsWith("\r\n", StringComparison.Ordinal) ? new SourceLine(raw[..^2], "\r\n")
        : raw.EndsWith('\n') ? new SourceLine(raw[..^1], "\n")
        : new SourceLine(raw, "");

    private static void DosageRow(ListArray list, int row, Span<sbyte> dosage)
    {
        var values = (PrimitiveArray<sbyte>)list.Values;
        var start = list.Offsets.Span[row];
        values.Values.Span.Slice(start, dosage.Length).CopyTo(dosage);
        if (values.Validity is { } valid)
        {
            var v = valid.Span.Slice(start, dosage.Length);
            for (var i = 0; i < dosage.Length; i++)
            {
                if (!v[i])
                {
                    dosage[i] = -1;
                }
            }
        }
    }

    private static void CallsToDosage(ListArray list, int row, Span<sbyte> dosage, string dataset)
    {
        var values = ((PrimitiveArray<sbyte>)list.Values).Values.Span;
        var start = list.Offsets.Span[row];
        var length = list.Offsets.Span[row + 1] - start;
        var ploidy = dosage.Length == 0 ? 0 : length / dosage.Length;
        for (var i = 0; i < dosage.Length; i++)
        {
            var call = values.Slice(start + (i * ploidy), ploidy);
            var fill = call.IndexOf((sbyte)-2);
            var used = fill < 0 ? call.Length : fill;
            if (used > 2)
            {
                throw new GenomicsFormatException(InputErrorKind.Unsupported, dataset, $"variant row {row}, sample {i} has a call of ploidy {used}; PLINK 1 holds haploid and diploid calls only");
            }

            var a = used > 0 ? call[0] : (sbyte)-1;
            var b = used == 2 ? call[1] : a;

            // A haploid call is written as homozygous, as plink2 does; a missing allele makes the call missing.
            dosage[i] = a < 0 || b < 0 ? (sbyte)-1 : (sbyte)(a + b);
        }
    }
}
