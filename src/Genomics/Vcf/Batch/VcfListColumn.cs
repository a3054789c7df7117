namespace Genomics.Vcf;

/// <summary>
/// A LIST column over the variants of a batch, Arrow style: variant i's elements are
/// <c>Values[Offsets[i]..Offsets[i + 1]]</c>; a variant whose <see cref="Validity"/> is false has a null list (its range
/// is empty). An empty valid range is an empty list (an ALT of '.').
/// </summary>
public sealed class VcfListColumn
{
    private readonly ValueBuffer<int> offsets = new();
    private readonly ValueBuffer<bool> validity = new();

    internal VcfListColumn(VcfValues values)
    {
        Values = values;
        offsets.Add(0);
    }

    /// <summary>Number of variants (lists).</summary>
    public int Count => validity.Count;

    /// <summary><see cref="Count"/> + 1 offsets into <see cref="Values"/>.</summary>
    public ReadOnlyMemory<int> Offsets => offsets.AsMemory();

    /// <summary>True where the variant's list is not null.</summary>
    public ReadOnlyMemory<bool> Validity => validity.AsMemory();

    /// <summary>The elements of all lists, back to back.</summary>
    public VcfValues Values { get; }

    /// <summary>Approximate bytes in memory.</summary>
    public long ByteSize => Values.ByteSize + (Count * 5L);

    /// <summary>Whether variant <paramref name="variant"/>'s list is null.</summary>
    public bool IsNull(int variant) => !validity[variant];

    /// <summary>Where variant <paramref name="variant"/>'s elements are in <see cref="Values"/>.</summary>
    public Range GetRange(int variant) => offsets[variant]..offsets[variant + 1];

    internal void Clear()
    {
        Values.Clear();
        offsets.Clear();
        offsets.Add(0);
        validity.Clear();
    }

    /// <summary>Closes the current list: it holds every value appended since the previous one.</summary>
    internal void EndList(bool valid)
    {
        validity.Add(valid);
        offsets.Add(Values.Count);
    }

    /// <summary>Appends null lists until there are <paramref name="count"/>.</summary>
    internal void PadTo(int count)
    {
        while (validity.Count < count)
        {
            EndList(false);
        }
    }
}
