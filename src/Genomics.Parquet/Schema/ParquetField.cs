namespace Genomics.Parquet;

/// <summary>
/// One column of a schema: a primitive value or a LIST of fields (lists nest).
/// </summary>
public sealed class ParquetField
{
    private ParquetField(string name, bool nullable, ParquetValueType? valueType, ParquetField? element, ParquetColumnEncoding encoding)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A field needs a name.", nameof(name));
        }

        Name = name;
        Nullable = nullable;
        ValueType = valueType;
        Element = element;
        Encoding = encoding;
    }

    /// <summary>The column name as it appears in the schema.</summary>
    public string Name { get; }

    /// <summary>Whether a row (or list element) may be null.</summary>
    public bool Nullable { get; }

    /// <summary>The primitive kind, or null for a LIST.</summary>
    public ParquetValueType? ValueType { get; }

    /// <summary>The element field of a LIST, or null for a primitive.</summary>
    public ParquetField? Element { get; }

    /// <summary>How the leaf values should be encoded; <see cref="ParquetColumnEncoding.Auto"/> lets the writer choose.</summary>
    public ParquetColumnEncoding Encoding { get; }

    public bool IsList => Element is not null;

    /// <summary>The primitive field at the bottom of any LIST nesting.</summary>
    public ParquetField Leaf
    {
        get
        {
            var f = this;
            while (f.Element is not null)
            {
                f = f.Element;
            }

            return f;
        }
    }

    public static ParquetField Primitive(string name, ParquetValueType type, bool nullable = false, ParquetColumnEncoding encoding = ParquetColumnEncoding.Auto)
        => new(name, nullable, type, null, encoding);

    /// <summary>A 3-level LIST; the element is named "element" in the file whatever name it is given here.</summary>
    public static ParquetField List(string name, ParquetField element, bool nullable = true)
        => new(name, nullable, null, element ?? throw new ArgumentNullException(nameof(element)), ParquetColumnEncoding.Auto);

    public override string ToString() => IsList
        ? $"{Name}: LIST<{Element}>{(Nullable ? "?" : "")}"
        : $"{Name}: {ValueType}{(Nullable ? "?" : "")}";
}
