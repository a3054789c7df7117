namespace Genomics.Vcf;

/// <summary>
/// The values of one FORMAT key (other than GT) over a batch: for each variant a list of
/// <c>SampleCount × ValuesPerSample[i]</c> values, sample-major (sample s's values start at <c>s × ValuesPerSample[i]</c>),
/// with nulls for missing values, for samples with fewer values than others, and for samples whose trailing fields are
/// dropped. A variant whose FORMAT lacks the key has a null list and ValuesPerSample 0.
/// </summary>
public sealed partial class VcfFormatColumn
{
    private readonly ValueBuffer<int> valuesPerSample = new();

    internal VcfFormatColumn(VcfFieldDefinition definition, int sampleCount)
    {
        Definition = definition;
        SampleCount = sampleCount;
        List = new VcfListColumn(VcfValueFactory.Create(definition.Type));
        if (List.Values is StringValues)
        {
            pendingStrings = new StringValues(definition.Type);
        }
    }

    /// <summary>The key's definition (declared, reserved or assumed).</summary>
    public VcfFieldDefinition Definition { get; }

    /// <summary>Samples per variant.</summary>
    public int SampleCount { get; }

    /// <summary>One list per variant.</summary>
    public VcfListColumn List { get; }

    /// <summary>Values each sample has at each variant (the list length divided by <see cref="SampleCount"/>).</summary>
    public ReadOnlyMemory<int> ValuesPerSample => valuesPerSample.AsMemory();

    /// <summary>Approximate bytes in memory.</summary>
    public long ByteSize => List.ByteSize + (pendingStrings?.ByteSize ?? 0);

    internal int Count => List.Count;

    internal void Clear()
    {
        List.Clear();
        valuesPerSample.Clear();
        pendingStrings?.Clear();
        pendingSlots.Clear();
    }

    /// <summary>Fills the variants before <paramref name="variant"/> whose FORMAT did not have the key.</summary>
    internal void PadTo(int variant)
    {
        while (List.Count < variant)
        {
            List.EndList(false);
            valuesPerSample.Add(0);
        }
    }
}
