using Genomics.Parquet;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>info_KEY and format_KEY columns.</summary>
internal sealed partial class VcfRowGroupBuilder
{
    private readonly Dictionary<string, ValueGather> scalarGathers = [];
    private readonly Dictionary<string, ListGather> listGathers = [];
    private readonly Dictionary<string, VcfInfoColumn> infoById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VcfFormatColumn> formatById = new(StringComparer.Ordinal);
    private readonly int[] selection = new int[AlleleSubset.MaxWidth];

    private void AddInfoColumns(VcfBatch batch, VcfDatasetLayout layout)
    {
        infoById.Clear();
        foreach (var column in batch.Info)
        {
            infoById[column.Definition.Id] = column;
        }

        foreach (var column in layout.Info)
        {
            infoById.TryGetValue(column.Definition.Id, out var source);
            columns.Add(column.Definition.IsScalar ? InfoScalar(source?.Scalar, column) : InfoList(batch, source?.List, column));
        }
    }

    private ColumnArray InfoScalar(VcfValues? source, VcfFieldColumn column)
    {
        if (identity && source is not null && DirectValues(source, column) is { } direct)
        {
            return direct;
        }

        var gather = Reuse(scalarGathers, GatherKey(column), () => ValueGather.Create(column.ValueType));
        gather.Clear();
        foreach (var v in rowVariant.AsSpan())
        {
            gather.Append(source, v);
        }

        return gather.Build();
    }

    private ColumnArray InfoList(VcfBatch batch, VcfListColumn? source, VcfFieldColumn column)
    {
        if (identity && source is not null && DirectValues(source.Values, column) is { } direct)
        {
            return new ListArray(source.Offsets, direct, NullMask(source));
        }

        var gather = Reuse(listGathers, GatherKey(column), () => new ListGather(column.ValueType));
        gather.Clear();
        var kind = column.Definition.Number.Kind;
        var rows = rowVariant.AsSpan();
        for (var r = 0; r < rows.Length; r++)
        {
            var v = rows[r];
            var alts = AltCount(batch, v);
            if (source is null || source.IsNull(v) || rowAllele[r] == 0 || alts < 2 || !AlleleSubset.IsAlleleIndexed(kind))
            {
                gather.AppendList(source, v);
                continue;
            }

            var range = source.GetRange(v);
            var count = range.End.Value - range.Start.Value;
            AlleleSubset.Select(kind, rowAllele[r], AlleleSubset.InfoPloidy(count, alts), selection);
            AppendSubset(gather, source.Values, range.Start.Value, count, AlleleSubset.Width(kind));
            gather.EndList(true);
        }

        return gather.Build();
    }

    private void AddFormatColumns(VcfBatch batch, VcfDatasetLayout layout)
    {
        formatById.Clear();
        foreach (var column in batch.Format)
        {
            formatById[column.Definition.Id] = column;
        }

        foreach (var column in layout.Format)
        {
            formatById.TryGetValue(column.Definition.Id, out var source);
            columns.Add(FormatList(batch, source, column));
        }
    }

    /// <summary>N × values-per-sample per row; a split row keeps, per sample, the values of its ALT (see <see cref="AlleleSubset"/>).</summary>
    private ColumnArray FormatList(VcfBatch batch, VcfFormatColumn? source, VcfFieldColumn column)
    {
        var list = source?.List;
        if (identity && list is not null && DirectValues(list.Values, column) is { } direct)
        {
            return new ListArray(list.Offsets, direct, NullMask(list));
        }

        var gather = Reuse(listGathers, GatherKey(column), () => new ListGather(column.ValueType));
        gather.Clear();
        var kind = column.Definition.Number.Kind;
        var rows = rowVariant.AsSpan();
        var samples = batch.SampleCount;
        for (var r = 0; r < rows.Length; r++)
        {
            var v = rows[r];
            var alts = AltCount(batch, v);
            if (list is null || list.IsNull(v) || rowAllele[r] == 0 || alts < 2 || !AlleleSubset.IsAlleleIndexed(kind))
            {
                gather.AppendList(list, v);
                continue;
            }

            var perSample = source!.ValuesPerSample.Span[v];
            var start = list.GetRange(v).Start.Value;
            for (var s = 0; s < samples; s++)
            {
                var ploidy = kind == Vcf.VcfNumberKind.Genotypes ? SamplePloidy(batch, v, s, perSample, alts) : 0;
                AlleleSubset.Select(kind, rowAllele[r], ploidy, selection);
                AppendSubset(gather, list.Values, start + (s * perSample), perSample, AlleleSubset.Width(kind));
            }

            gather.EndList(true);
        }

        return gather.Build();
    }

    private void AppendSubset(ListGather gather, VcfValues values, int start, int count, int width)
    {
        for (var i = 0; i < width; i++)
        {
            var at = selection[i];
            gather.Elements.Append(values, at >= 0 && at < count ? start + at : -1);
        }
    }

    /// <summary>The ploidy of call (v, s) from its GT, or, without GT, the one its Number=G value count implies.</summary>
    private static int SamplePloidy(VcfBatch batch, int v, int s, int perSample, int alts)
    {
        var genotypes = batch.Genotypes;
        if (genotypes.Ploidy == 0 || !genotypes.HasCalls.Span[v])
        {
            return AlleleSubset.InfoPloidy(perSample, alts);
        }

        var call = genotypes.GetAlleles(v).Slice(s * genotypes.Ploidy, genotypes.Ploidy);
        var ploidy = call.IndexOf((sbyte)-2);
        return ploidy < 0 ? call.Length : ploidy;
    }

    /// <summary>A gather per column and type: a key promoted to 64 bits gets a new one.</summary>
    private static string GatherKey(VcfFieldColumn column) => column.Name + ":" + column.ValueType;

    private static int AltCount(VcfBatch batch, int v)
    {
        var offsets = batch.Alts.Offsets.Span;
        return offsets[v + 1] - offsets[v];
    }

    /// <summary>The batch's values as a column without copying, or null when they must be widened first.</summary>
    private static ColumnArray? DirectValues(VcfValues values, VcfFieldColumn column) => values switch
    {
        IntegerValues { IsInt64: true } wide => new PrimitiveArray<long>(wide.Int64Values, Mask(wide)),
        IntegerValues narrow when !column.Int64 => new PrimitiveArray<int>(narrow.Int32Values, Mask(narrow)),
        IntegerValues => null,
        FloatValues floats => new PrimitiveArray<float>(floats.Values, Mask(floats)),
        BooleanValues flags => new PrimitiveArray<bool>(flags.Values),
        StringValues strings => Direct(strings),
        _ => null,
    };
}
