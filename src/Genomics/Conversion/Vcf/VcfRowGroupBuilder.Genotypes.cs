using Genomics.Dataset;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>call_genotype (+ call_genotype_phased) or dosage.</summary>
internal sealed partial class VcfRowGroupBuilder
{
    private const byte MissingCode = 0b01;

    private readonly ValueBuffer<sbyte> calls = new();
    private readonly ValueBuffer<int> listOffsets = new();
    private readonly ValueBuffer<bool> phased = new();
    private readonly ValueBuffer<byte> packed = new();
    private readonly ValueBuffer<sbyte> dosages = new();
    private readonly ValueBuffer<bool> dosageValid = new();

    private void AddGenotypeColumns(VcfBatch batch, VcfDatasetLayout layout)
    {
        if (layout.Form == GenotypeColumn.Dosage)
        {
            columns.Add(Dosages(batch));
            return;
        }

        columns.Add(Calls(batch.Genotypes, layout.Ploidy));
        if (layout.Phased)
        {
            columns.Add(Phases(batch.Genotypes));
        }
    }

    /// <summary>The wide calls at the file's ploidy: the batch's own array when its ploidy is the file's, widened otherwise.</summary>
    private ColumnArray Calls(VcfGenotypes genotypes, int ploidy)
    {
        var n = genotypes.SampleCount;
        var perRow = n * ploidy;
        if (genotypes.Ploidy == ploidy && genotypes.Alleles.Span.IndexOfAnyExceptInRange((sbyte)-1, (sbyte)2) < 0)
        {
            return PackedCalls(genotypes, perRow);
        }

        var offsets = ListOffsets(genotypes.VariantCount, perRow);
        if (genotypes.Ploidy == ploidy)
        {
            return new ListArray(offsets, new PrimitiveArray<sbyte>(genotypes.Alleles));
        }

        calls.Clear();
        var all = calls.Extend(genotypes.VariantCount * perRow);
        for (var v = 0; v < genotypes.VariantCount; v++)
        {
            var row = all.Slice(v * perRow, perRow);
            if (genotypes.Ploidy == 0)
            {
                // No call in the batch has GT: every call is missing, one -1 then fill, as a variant without GT reads.
                row.Fill(-2);
                for (var s = 0; s < n; s++)
                {
                    row[s * ploidy] = -1;
                }
            }
            else
            {
                genotypes.CopyAlleles(v, ploidy, row);
            }
        }

        return new ListArray(offsets, new PrimitiveArray<sbyte>(calls.AsMemory()));
    }

    /// <summary>
    /// The usual case (no allele index above 2, no fill): every haplotype fits a 2-bit code, and the dosage packer's
    /// codes (0 → 11, 1 → 10, 2 → 00, -1 → 01) with the dictionary [2, -1, 1, 0] are exactly the call column's dictionary
    /// indices, so the writer takes packed rows instead of one byte per allele.
    /// </summary>
    private PackedCodeListArray PackedCalls(VcfGenotypes genotypes, int perRow)
    {
        var bytesPerRow = PackedGenotypes.BytesPerRow(perRow);
        var alleles = genotypes.Alleles.Span;
        packed.Clear();
        var all = packed.Extend(genotypes.VariantCount * bytesPerRow);
        var packer = GenotypeKernels.DosagePacker;
        for (var v = 0; v < genotypes.VariantCount; v++)
        {
            packer.Pack(alleles.Slice(v * perRow, perRow), all.Slice(v * bytesPerRow, bytesPerRow));
        }

        return new PackedCodeListArray(packed.AsMemory(), genotypes.VariantCount, perRow, GenotypeBlockBuilder.BedCodeDosages, nullCode: null);
    }

    private ListArray Phases(VcfGenotypes genotypes)
    {
        var n = genotypes.SampleCount;
        phased.Clear();
        var all = phased.Extend(genotypes.VariantCount * n);
        for (var v = 0; v < genotypes.VariantCount; v++)
        {
            if (genotypes.Ploidy == 0)
            {
                all.Slice(v * n, n).Clear();
            }
            else
            {
                genotypes.GetPhased(v, all.Slice(v * n, n));
            }
        }

        // The calls column's offsets are still in use (N × ploidy per row); phases need their own, N per row.
        var offsets = new int[genotypes.VariantCount + 1];
        for (var v = 0; v <= genotypes.VariantCount; v++)
        {
            offsets[v] = v * n;
        }

        return new ListArray(offsets, new PrimitiveArray<bool>(phased.AsMemory()));
    }

    private ReadOnlyMemory<int> ListOffsets(int rows, int perRow)
    {
        listOffsets.Clear();
        var offsets = listOffsets.Extend(rows + 1);
        for (var r = 0; r <= rows; r++)
        {
            offsets[r] = r * perRow;
        }

        return listOffsets.AsMemory();
    }

    /// <summary>
    /// ALT copies per call in .bed code order, one 2-bit row per output row: a packed biallelic row is copied as it is,
    /// any other row (one ALT of a multi-allelic site, haploid or mixed ploidy) is counted from the wide calls. A call
    /// with a missing allele is missing, as plink2 reads it. More than 2 copies (polyploid calls) cannot be a 2-bit code:
    /// such a row group is written as plain int8 lists instead.
    /// </summary>
    private ColumnArray Dosages(VcfBatch batch)
    {
        var genotypes = batch.Genotypes;
        var n = genotypes.SampleCount;
        var bytesPerRow = genotypes.PackedBytesPerVariant;
        var rows = rowVariant.AsSpan();
        var alleles = rowAllele.AsSpan();
        var isPacked = genotypes.IsPacked.Span;
        packed.Clear();
        var all = packed.Extend(rows.Length * bytesPerRow);
        for (var r = 0; r < rows.Length; r++)
        {
            var v = rows[r];
            var row = all.Slice(r * bytesPerRow, bytesPerRow);
            if (isPacked[v] && AltCount(batch, v) == 1)
            {
                genotypes.GetPacked(v).CopyTo(row);
            }
            else if (!PackCounts(genotypes, v, alleles[r], row))
            {
                return WideDosages(batch);
            }
        }

        return new PackedCodeListArray(packed.AsMemory(), rows.Length, n, GenotypeBlockBuilder.BedCodeDosages, nullCode: MissingCode);
    }

    /// <summary>Packs the copies of allele <paramref name="alt"/> per call of variant <paramref name="v"/>; false when a call has more than 2.</summary>
    private static bool PackCounts(VcfGenotypes genotypes, int v, int alt, Span<byte> row)
    {
        row.Fill(MissingCode * 0b01010101);
        if (genotypes.Ploidy == 0 || !genotypes.HasCalls.Span[v])
        {
            return true;
        }

        var ploidy = genotypes.Ploidy;
        var wide = genotypes.GetAlleles(v);
        row.Clear();
        for (var s = 0; s < genotypes.SampleCount; s++)
        {
            var copies = CountCopies(wide.Slice(s * ploidy, ploidy), alt);
            if (copies > 2)
            {
                return false;
            }

            // 0 copies → 11, 1 → 10, 2 → 00, missing → 01.
            var code = copies switch { < 0 => MissingCode, 0 => 0b11, 1 => 0b10, _ => 0b00 };
            row[s >> 2] |= (byte)(code << ((s & 3) * 2));
        }

        return true;
    }

    /// <summary>Copies of <paramref name="alt"/> in a call; -1 when an allele is missing or the call is empty.</summary>
    private static int CountCopies(ReadOnlySpan<sbyte> call, int alt)
    {
        var copies = 0;
        var called = 0;
        foreach (var a in call)
        {
            if (a == -2)
            {
                break;
            }

            if (a < 0)
            {
                return -1;
            }

            called++;
            copies += a == alt && alt > 0 ? 1 : 0;
        }

        return called == 0 ? -1 : copies;
    }

    /// <summary>The slow form for row groups with polyploid calls: int8 copies, null when missing.</summary>
    private ListArray WideDosages(VcfBatch batch)
    {
        var genotypes = batch.Genotypes;
        var n = genotypes.SampleCount;
        var rows = rowVariant.AsSpan();
        var alleles = rowAllele.AsSpan();
        dosages.Clear();
        dosageValid.Clear();
        var values = dosages.Extend(rows.Length * n);
        var valid = dosageValid.Extend(rows.Length * n);
        for (var r = 0; r < rows.Length; r++)
        {
            var v = rows[r];
            var hasCalls = genotypes.Ploidy > 0 && genotypes.HasCalls.Span[v];
            for (var s = 0; s < n; s++)
            {
                var copies = hasCalls ? CountCopies(genotypes.GetAlleles(v).Slice(s * genotypes.Ploidy, genotypes.Ploidy), alleles[r]) : -1;
                values[(r * n) + s] = (sbyte)Math.Max(copies, 0);
                valid[(r * n) + s] = copies >= 0;
            }
        }

        return new ListArray(ListOffsets(rows.Length, n), new PrimitiveArray<sbyte>(dosages.AsMemory(), dosageValid.AsMemory()));
    }
}
