namespace Genomics.Vcf;

/// <summary>
/// The values of one INFO key over a batch: a scalar column (<see cref="Scalar"/>, one slot per variant) when the key is
/// Number=1 or a flag, a list column (<see cref="List"/>) otherwise. A variant without the key has a null slot (a flag:
/// false) or a null list.
/// </summary>
public sealed class VcfInfoColumn
{
    internal VcfInfoColumn(VcfFieldDefinition definition)
    {
        Definition = definition;
        var values = VcfValueFactory.Create(definition.Type);
        if (definition.IsScalar)
        {
            Scalar = values;
        }
        else
        {
            List = new VcfListColumn(values);
        }
    }

    /// <summary>The key's definition (declared, reserved or assumed).</summary>
    public VcfFieldDefinition Definition { get; }

    /// <summary>One slot per variant, or null for a list key.</summary>
    public VcfValues? Scalar { get; }

    /// <summary>One list per variant, or null for a scalar key.</summary>
    public VcfListColumn? List { get; }

    /// <summary>The values, whichever shape.</summary>
    public VcfValues Values => Scalar ?? List!.Values;

    /// <summary>Approximate bytes in memory.</summary>
    public long ByteSize => Scalar?.ByteSize ?? List!.ByteSize;

    /// <summary>The variant row this key was last written for (a second write is a duplicate key).</summary>
    internal int LastVariant { get; set; } = -1;

    internal int Count => Scalar?.Count ?? List!.Count;

    internal void Clear()
    {
        Scalar?.Clear();
        List?.Clear();
        LastVariant = -1;
    }

    /// <summary>Fills the variants before <paramref name="variant"/> that did not have the key.</summary>
    internal void PadTo(int variant)
    {
        if (List is not null)
        {
            List.PadTo(variant);
        }
        else if (Scalar is BooleanValues flags)
        {
            while (flags.Count < variant)
            {
                flags.Append(false);
            }
        }
        else if (Scalar!.Count < variant)
        {
            Scalar.AppendNulls(variant - Scalar.Count);
        }
    }
}
