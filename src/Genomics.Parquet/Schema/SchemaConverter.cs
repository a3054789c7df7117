using Genomics.Parquet.Format;

namespace Genomics.Parquet;

/// <summary>
/// Maps between <see cref="ParquetSchema"/> and the footer's flat, depth-first list of schema elements.
/// LISTs use the 3-level form (group (LIST) → repeated group "list" → "element") with both the logical and
/// the legacy converted annotation, which every reader understands.
/// </summary>
internal static class SchemaConverter
{
    public static List<SchemaElement> ToElements(ParquetSchema schema)
    {
        var list = new List<SchemaElement> { new() { Name = "schema", NumChildren = schema.Fields.Count } };
        foreach (var f in schema.Fields)
        {
            Append(f, f.Name, list);
        }

        return list;
    }

    public static (PhysicalType Physical, LogicalType? Logical, ConvertedType? Converted) Physical(ParquetValueType type) => type switch
    {
        ParquetValueType.Boolean => (PhysicalType.Boolean, null, null),
        ParquetValueType.Int8 => (PhysicalType.Int32, new LogicalType { Integer = new IntType { BitWidth = 8, IsSigned = true } }, ConvertedType.Int8),
        ParquetValueType.Int16 => (PhysicalType.Int32, new LogicalType { Integer = new IntType { BitWidth = 16, IsSigned = true } }, ConvertedType.Int16),
        ParquetValueType.Int32 => (PhysicalType.Int32, null, null),
        ParquetValueType.Int64 => (PhysicalType.Int64, null, null),
        ParquetValueType.Float => (PhysicalType.Float, null, null),
        ParquetValueType.Double => (PhysicalType.Double, null, null),
        ParquetValueType.String => (PhysicalType.ByteArray, new LogicalType { String = true }, ConvertedType.Utf8),
        ParquetValueType.Binary => (PhysicalType.ByteArray, null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Rebuilds the schema from a footer; fails on shapes this library does not read (structs, maps).</summary>
    public static ParquetSchema FromElements(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0)
        {
            throw new ParquetFormatException("the footer has an empty schema");
        }

        // Field and schema constructors reject what a damaged footer can hold (empty or duplicate names).
        try
        {
            var pos = 1;
            var fields = new List<ParquetField>();
            var n = elements[0].NumChildren ?? 0;
            for (var i = 0; i < n; i++)
            {
                fields.Add(ReadField(elements, ref pos, 0));
            }

            if (pos != elements.Count)
            {
                throw new ParquetFormatException($"the footer's schema has {elements.Count - pos} elements that belong to no column");
            }

            return new ParquetSchema(fields);
        }
        catch (ArgumentException e)
        {
            throw new ParquetFormatException("invalid schema: " + e.Message, e);
        }
    }

    private static void Append(ParquetField field, string name, List<SchemaElement> list)
    {
        var repetition = field.Nullable ? FieldRepetitionType.Optional : FieldRepetitionType.Required;
        if (field.IsList)
        {
            list.Add(new SchemaElement
            {
                Name = name,
                RepetitionType = repetition,
                NumChildren = 1,
                LogicalType = new LogicalType { List = true },
                ConvertedType = ConvertedType.List,
            });
            list.Add(new SchemaElement { Name = "list", RepetitionType = FieldRepetitionType.Repeated, NumChildren = 1 });
            Append(field.Element!, "element", list);
            return;
        }

        var (physical, logical, converted) = Physical(field.ValueType!.Value);
        var e = new SchemaElement { Name = name, Type = physical, RepetitionType = repetition, LogicalType = logical, ConvertedType = converted };
        list.Add(e);
    }

    private static ParquetField ReadField(IReadOnlyList<SchemaElement> elements, ref int pos, int depth)
    {
        if (depth > 32)
        {
            throw new ParquetFormatException("schema nested too deeply");
        }

        if (pos >= elements.Count)
        {
            throw new ParquetFormatException("the footer's schema ends inside a group");
        }

        var e = elements[pos++];
        var nullable = e.RepetitionType != FieldRepetitionType.Required;
        if (e.NumChildren is null or 0)
        {
            if (e.Type is null)
            {
                throw new ParquetFormatException($"schema element '{e.Name}' has neither a type nor children");
            }

            if (e.RepetitionType == FieldRepetitionType.Repeated)
            {
                // A bare repeated primitive is the legacy 1-level list form.
                return ParquetField.List(e.Name, ParquetField.Primitive("element", ValueTypeOf(e), nullable: false), nullable: false);
            }

            return ParquetField.Primitive(e.Name, ValueTypeOf(e), nullable);
        }

        var isList = e.LogicalType?.List == true || e.ConvertedType == ConvertedType.List;
        if (!isList || e.NumChildren != 1)
        {
            throw new ParquetFormatException($"column '{e.Name}' is a struct or map, which this reader does not support");
        }

        if (pos >= elements.Count)
        {
            throw new ParquetFormatException("the footer's schema ends inside a LIST");
        }

        var repeated = elements[pos];
        if (repeated.RepetitionType != FieldRepetitionType.Repeated)
        {
            throw new ParquetFormatException($"LIST column '{e.Name}' has no repeated child");
        }

        if (repeated.NumChildren is null or 0)
        {
            // 2-level list: the repeated field is the element itself.
            pos++;
            return ParquetField.List(e.Name, ParquetField.Primitive(repeated.Name, ValueTypeOf(repeated), nullable: false), nullable);
        }

        if (repeated.NumChildren != 1)
        {
            throw new ParquetFormatException($"LIST column '{e.Name}' has a repeated group with {repeated.NumChildren} children");
        }

        pos++;
        var element = ReadField(elements, ref pos, depth + 1);
        return ParquetField.List(e.Name, element, nullable);
    }

    private static ParquetValueType ValueTypeOf(SchemaElement e)
    {
        var logicalInt = e.LogicalType?.Integer;
        return e.Type switch
        {
            PhysicalType.Boolean => ParquetValueType.Boolean,
            PhysicalType.Int32 when logicalInt is { BitWidth: 8, IsSigned: true } || e.ConvertedType == ConvertedType.Int8 => ParquetValueType.Int8,
            PhysicalType.Int32 when logicalInt is { BitWidth: 16, IsSigned: true } || e.ConvertedType == ConvertedType.Int16 => ParquetValueType.Int16,
            PhysicalType.Int32 => ParquetValueType.Int32,
            PhysicalType.Int64 => ParquetValueType.Int64,
            PhysicalType.Float => ParquetValueType.Float,
            PhysicalType.Double => ParquetValueType.Double,
            PhysicalType.ByteArray when e.LogicalType?.String == true || e.LogicalType?.Json == true || e.ConvertedType is ConvertedType.Utf8 or ConvertedType.Json
                || e.LogicalType?.Enum == true || e.ConvertedType == ConvertedType.Enum => ParquetValueType.String,
            PhysicalType.ByteArray => ParquetValueType.Binary,
            _ => throw new ParquetFormatException($"column '{e.Name}' has physical type {e.Type}, which this reader does not support"),
        };
    }
}
