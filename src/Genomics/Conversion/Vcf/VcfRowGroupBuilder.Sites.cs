using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>The fixed VCF columns: variant_index, contig, pos, id, ref, alt, qual, filter (and allele_index for dosages).</summary>
internal sealed partial class VcfRowGroupBuilder
{
    private readonly ValueBuffer<long> variantIndexes = new();
    private readonly ValueBuffer<long> positions = new();
    private readonly ValueBuffer<int> alleleIndexes = new();
    private readonly ValueBuffer<bool> alleleValid = new();
    private readonly StringGather contigs = new();
    private readonly ContigNames contigNames = new();
    private readonly ValueGather ids = ValueGather.Create(ParquetValueType.String);
    private readonly ValueGather refs = ValueGather.Create(ParquetValueType.String);
    private readonly ValueGather quals = ValueGather.Create(ParquetValueType.Float);
    private readonly ListGather alts = new(ParquetValueType.String);
    private readonly ListGather filters = new(ParquetValueType.String);

    private void AddSiteColumns(VcfBatch batch, VcfDatasetLayout layout)
    {
        var rows = rowVariant.AsSpan();
        var contigIndexes = batch.ContigIndexes.Span;
        variantIndexes.Clear();
        contigs.Clear();
        foreach (var v in rows)
        {
            variantIndexes.Add(batch.FirstVariantIndex + v);
            contigs.AppendText(contigNames.Get(batch.Contigs, contigIndexes[v]));
        }

        columns.Add(new PrimitiveArray<long>(variantIndexes.AsMemory()));
        columns.Add(contigs.Build());
        if (identity)
        {
            columns.Add(new PrimitiveArray<long>(batch.Positions));
            columns.Add(Direct(batch.Ids));
            columns.Add(Direct(batch.Refs));
            columns.Add(Direct(batch.Alts, nullable: false));
            columns.Add(new PrimitiveArray<float>(batch.Quals.Values, Mask(batch.Quals)));
            columns.Add(Direct(batch.Filters, nullable: true));
        }
        else
        {
            AddSplitSiteColumns(batch);
        }

        if (layout.Form == GenotypeColumn.Dosage)
        {
            AddAlleleIndexes();
        }
    }

    private void AddSplitSiteColumns(VcfBatch batch)
    {
        var rows = rowVariant.AsSpan();
        var alleles = rowAllele.AsSpan();
        var allPositions = batch.Positions.Span;
        positions.Clear();
        ids.Clear();
        refs.Clear();
        quals.Clear();
        alts.Clear();
        filters.Clear();
        for (var r = 0; r < rows.Length; r++)
        {
            var v = rows[r];
            positions.Add(allPositions[v]);
            ids.Append(batch.Ids, v);
            refs.Append(batch.Refs, v);
            quals.Append(batch.Quals, v);
            if (alleles[r] > 0)
            {
                alts.Elements.Append(batch.Alts.Values, batch.Alts.GetRange(v).Start.Value + alleles[r] - 1);
            }

            alts.EndList(true);
            filters.AppendList(batch.Filters, v);
        }

        columns.Add(new PrimitiveArray<long>(positions.AsMemory()));
        columns.Add(ids.Build());
        columns.Add(refs.Build());
        columns.Add(alts.Build());
        columns.Add(quals.Build());
        columns.Add(filters.Build());
    }

    /// <summary>The ALT's number within its site (1 = first ALT, as GT counts); null for a site without ALT.</summary>
    private void AddAlleleIndexes()
    {
        alleleIndexes.Clear();
        alleleValid.Clear();
        foreach (var a in rowAllele.AsSpan())
        {
            alleleIndexes.Add(a);
            alleleValid.Add(a > 0);
        }

        columns.Add(new PrimitiveArray<int>(alleleIndexes.AsMemory(), alleleValid.AsSpan().Contains(false) ? alleleValid.AsMemory() : (ReadOnlyMemory<bool>?)null));
    }

    private static ReadOnlyMemory<bool>? Mask(VcfValues values) => values.NullCount > 0 ? values.Validity : (ReadOnlyMemory<bool>?)null;

    /// <summary>A list column's validity, or no mask when no list is null (a null-to-memory conversion would give an empty mask, not none).</summary>
    private static ReadOnlyMemory<bool>? NullMask(VcfListColumn list) => list.Validity.Span.Contains(false) ? list.Validity : (ReadOnlyMemory<bool>?)null;

    private static BinaryArray Direct(StringValues values) => new(values.Offsets, values.Data, Mask(values));

    private static ListArray Direct(VcfListColumn list, bool nullable)
    {
        var strings = (StringValues)list.Values;
        var validity = nullable ? NullMask(list) : null;
        return new ListArray(list.Offsets, Direct(strings), validity);
    }
}
