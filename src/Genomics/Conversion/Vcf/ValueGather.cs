using System.Text;
using Genomics.Parquet;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>
/// Builds a typed column by picking slots of a batch's values in any order and number (the rows of split multi-allelic
/// sites repeat their site's values; Number=A/R/G lists keep a subset). Buffers are reused from one row group to the next.
/// </summary>
internal abstract class ValueGather
{
    private readonly ValueBuffer<bool> validity = new();

    public int Count => validity.Count;

    protected bool AnyNull { get; private set; }

    /// <summary>A gather producing <paramref name="type"/>.</summary>
    public static ValueGather Create(ParquetValueType type) => type switch
    {
        ParquetValueType.Int32 => new Int32Gather(),
        ParquetValueType.Int64 => new Int64Gather(),
        ParquetValueType.Float => new FloatGather(),
        ParquetValueType.Boolean => new BooleanGather(),
        ParquetValueType.String => new StringGather(),
        _ => throw new NotSupportedException($"no VCF values become {type}"),
    };

    public void Clear()
    {
        validity.Clear();
        AnyNull = false;
        ClearValues();
    }

    /// <summary>Appends slot <paramref name="slot"/> of <paramref name="source"/>, or a null when the source is absent or the slot is out of range.</summary>
    public void Append(VcfValues? source, int slot)
    {
        if (source is null || slot < 0 || slot >= source.Count || source.IsNull(slot))
        {
            AppendNull();
            return;
        }

        validity.Add(true);
        AppendValue(source, slot);
    }

    /// <summary>Marks the next slot valid; for subclasses appending values that are not batch slots.</summary>
    protected void AddValid() => validity.Add(true);

    public void AppendNull()
    {
        validity.Add(false);
        AnyNull = true;
        AppendDefault();
    }

    /// <summary>The column so far; valid until the next <see cref="Clear"/>.</summary>
    public ColumnArray Build() => Build(AnyNull ? validity.AsMemory() : (ReadOnlyMemory<bool>?)null);

    protected abstract void ClearValues();

    protected abstract void AppendValue(VcfValues source, int slot);

    protected abstract void AppendDefault();

    protected abstract ColumnArray Build(ReadOnlyMemory<bool>? mask);

    private sealed class Int32Gather : ValueGather
    {
        private readonly ValueBuffer<int> values = new();

        protected override void ClearValues() => values.Clear();

        protected override void AppendValue(VcfValues source, int slot) => values.Add((int)((IntegerValues)source).GetInt64(slot));

        protected override void AppendDefault() => values.Add(0);

        protected override ColumnArray Build(ReadOnlyMemory<bool>? mask) => new PrimitiveArray<int>(values.AsMemory(), mask);
    }

    private sealed class Int64Gather : ValueGather
    {
        private readonly ValueBuffer<long> values = new();

        protected override void ClearValues() => values.Clear();

        protected override void AppendValue(VcfValues source, int slot) => values.Add(((IntegerValues)source).GetInt64(slot));

        protected override void AppendDefault() => values.Add(0);

        protected override ColumnArray Build(ReadOnlyMemory<bool>? mask) => new PrimitiveArray<long>(values.AsMemory(), mask);
    }

    private sealed class FloatGather : ValueGather
    {
        private readonly ValueBuffer<float> values = new();

        protected override void ClearValues() => values.Clear();

        protected override void AppendValue(VcfValues source, int slot) => values.Add(((FloatValues)source).Values.Span[slot]);

        protected override void AppendDefault() => values.Add(0);

        protected override ColumnArray Build(ReadOnlyMemory<bool>? mask) => new PrimitiveArray<float>(values.AsMemory(), mask);
    }

    /// <summary>Flags: an absent flag is false, never null.</summary>
    private sealed class BooleanGather : ValueGather
    {
        private readonly ValueBuffer<bool> values = new();

        protected override void ClearValues() => values.Clear();

        protected override void AppendValue(VcfValues source, int slot) => values.Add(((BooleanValues)source).Values.Span[slot]);

        protected override void AppendDefault() => values.Add(false);

        protected override ColumnArray Build(ReadOnlyMemory<bool>? mask) => new PrimitiveArray<bool>(values.AsMemory());
    }

}

/// <summary>Strings gathered from batch slots or appended as bytes (contig names).</summary>
internal sealed class StringGather : ValueGather
{
    private readonly ValueBuffer<int> offsets = new();
    private readonly ValueBuffer<byte> data = new(256);

    public StringGather()
    {
        offsets.Add(0);
    }

    /// <summary>Appends text that is not a batch slot (e.g. a contig name).</summary>
    public void AppendText(ReadOnlySpan<byte> value)
    {
        AddValid();
        AppendBytes(value);
    }

    protected override void ClearValues()
    {
        offsets.Clear();
        offsets.Add(0);
        data.Clear();
    }

    protected override void AppendValue(VcfValues source, int slot) => AppendBytes(((StringValues)source).GetBytes(slot));

    protected override void AppendDefault() => offsets.Add(data.Count);

    private void AppendBytes(ReadOnlySpan<byte> value)
    {
        data.AddRange(value);
        offsets.Add(data.Count);
    }

    protected override ColumnArray Build(ReadOnlyMemory<bool>? mask) => new BinaryArray(offsets.AsMemory(), data.AsMemory(), mask);
}

/// <summary>A LIST column gathered list by list from a batch's list column (whole lists, subsets, or nulls).</summary>
internal sealed class ListGather(ParquetValueType elementType)
{
    private readonly ValueBuffer<int> offsets = new();
    private readonly ValueBuffer<bool> validity = new();
    private bool anyNull;

    public ValueGather Elements { get; } = ValueGather.Create(elementType);

    public void Clear()
    {
        offsets.Clear();
        offsets.Add(0);
        validity.Clear();
        anyNull = false;
        Elements.Clear();
    }

    /// <summary>Appends the whole list of <paramref name="variant"/>, or a null list when the column is absent.</summary>
    public void AppendList(VcfListColumn? source, int variant)
    {
        if (source is null || source.IsNull(variant))
        {
            EndList(false);
            return;
        }

        var range = source.GetRange(variant);
        var (start, end) = (range.Start.Value, range.End.Value);
        for (var i = start; i < end; i++)
        {
            Elements.Append(source.Values, i);
        }

        EndList(true);
    }

    /// <summary>Closes a list holding the elements appended since the previous one.</summary>
    public void EndList(bool valid)
    {
        validity.Add(valid);
        anyNull |= !valid;
        offsets.Add(Elements.Count);
    }

    public ColumnArray Build() => new ListArray(offsets.AsMemory(), Elements.Build(), anyNull ? validity.AsMemory() : (ReadOnlyMemory<bool>?)null);
}

/// <summary>UTF-8 bytes of contig names, looked up once per contig rather than once per row.</summary>
internal sealed class ContigNames
{
    private readonly List<byte[]> names = [];

    public ReadOnlySpan<byte> Get(IReadOnlyList<VcfContig> contigs, int index)
    {
        while (names.Count <= index)
        {
            names.Add(Encoding.UTF8.GetBytes(contigs[names.Count].Id));
        }

        return names[index];
    }
}
