using System.Globalization;
using System.Text;

namespace Genomics.Vcf;

/// <summary>The typed definitions: INFO, FORMAT, FILTER, ALT, contig, META, and the ID rules of SAMPLE and PEDIGREE.</summary>
internal sealed partial class VcfHeaderParser
{
    /// <summary>The largest fixed Number accepted; FORMAT storage reserves that many values per sample.</summary>
    private const int MaxFixedCount = 1 << 16;

    private void AddDefinition(VcfMetaLine meta)
    {
        var id = RequireId(meta);
        switch (meta.Key)
        {
            case "INFO":
                AddField(meta, VcfFieldScope.Info, id!, infoById, parts.InfoFields);
                break;
            case "FORMAT":
                AddField(meta, VcfFieldScope.Format, id!, formatById, parts.FormatFields);
                break;
            case "FILTER":
                if (filterIds.Add(id!))
                {
                    parts.Filters.Add(new VcfFilterDefinition(id!, meta["Description"], meta));
                }

                break;
            case "ALT":
                if (!VcfNames.IsValidAltId(Encoding.UTF8.GetBytes(id!)))
                {
                    throw Fail(meta.LineNumber, $"##ALT ID '{id}' contains whitespace, a comma or an angle bracket");
                }

                parts.AltAlleles.Add(new VcfAltDefinition(id!, meta["Description"], meta));
                break;
            case "contig":
                AddContig(meta, id!);
                break;
            case "META" when id is not null:
                AddMeta(meta, id);
                break;
            default:
                break;
        }
    }

    /// <summary>The ID, which INFO, FORMAT, FILTER, ALT and contig lines need, and from VCF 4.3 META, SAMPLE and PEDIGREE lines too (first).</summary>
    private string? RequireId(VcfMetaLine meta)
    {
        var always = meta.Key is "INFO" or "FORMAT" or "FILTER" or "ALT" or "contig";
        if (!meta.TryGetField("ID", out var id))
        {
            if (always || AtLeast43)
            {
                throw Fail(meta.LineNumber, $"##{meta.Key} line has no ID");
            }

            return null;
        }

        if (AtLeast43 && meta.Fields[0].Key != "ID")
        {
            throw Fail(meta.LineNumber, $"##{meta.Key} line: ID must be the first field (VCF 4.3), found {meta.Fields[0].Key} first");
        }

        if (id.Value.Length == 0)
        {
            throw Fail(meta.LineNumber, $"##{meta.Key} line has an empty ID");
        }

        return id.Value;
    }

    private void AddField(VcfMetaLine meta, VcfFieldScope scope, string id, Dictionary<string, VcfFieldDefinition> byId, List<VcfFieldDefinition> list)
    {
        var name = meta.Key;
        var idBytes = Encoding.UTF8.GetBytes(id);
        var validKey = scope == VcfFieldScope.Format && AtLeast43 ? VcfNames.IsValidFormatKey(idBytes) : VcfNames.IsValidInfoKey(idBytes);
        if (!validKey)
        {
            throw Fail(meta.LineNumber, $"##{name} ID '{id}' is not a valid key");
        }

        var numberText = meta["Number"] ?? throw Fail(meta.LineNumber, $"##{name} {id} has no Number");
        if (!VcfNumber.TryParse(numberText, out var number))
        {
            throw Fail(meta.LineNumber, $"##{name} {id}: Number={numberText} is not a count or one of A, R, G, . (or LA, LR, LG, P, M)");
        }

        if (number.Kind == VcfNumberKind.Fixed && number.Count > MaxFixedCount)
        {
            throw new GenomicsFormatException(
                InputErrorKind.Unsupported, file, $"##{name} {id}: Number={number} is more values than this reader supports ({MaxFixedCount})", meta.LineNumber);
        }

        var typeText = meta["Type"] ?? throw Fail(meta.LineNumber, $"##{name} {id} has no Type");
        var type = ParseType(typeText, meta, $"##{name} {id}");
        if (scope == VcfFieldScope.Format && type == VcfValueType.Flag)
        {
            throw Fail(meta.LineNumber, $"##FORMAT {id}: Type=Flag is only allowed for INFO");
        }

        if (meta.TryGetField("Description", out var description) && !description.IsQuoted)
        {
            throw Fail(meta.LineNumber, $"##{name} {id}: the Description must be in double quotes");
        }

        ReservedField? reserved = null;
        if (AtLeast43 && ReservedFields.Find(scope, id) is { } table)
        {
            if (!ReservedFields.Agrees(table, number, type))
            {
                throw Fail(meta.LineNumber, $"##{name} {id} is reserved by VCF 4.3 as Number={table.Number},Type={table.Type}; the header declares Number={number},Type={type}");
            }

            reserved = table;
        }

        var definition = new VcfFieldDefinition(scope, id, number, type, meta["Description"], meta) { Reserved = reserved };
        if (byId.TryGetValue(id, out var earlier))
        {
            if (earlier.Number != number || earlier.Type != type)
            {
                throw Fail(meta.LineNumber, $"##{name} {id} is declared again with a different definition (first on line {earlier.Line!.LineNumber})");
            }

            warnings.Warn($"duplicate {name} {id}", meta.LineNumber, $"##{name} {id} is declared twice; the first declaration is used");
            return;
        }

        byId.Add(id, definition);
        list.Add(definition);
    }

    private void AddContig(VcfMetaLine meta, string id)
    {
        if (!VcfNames.IsValidContig(Encoding.UTF8.GetBytes(id)))
        {
            throw Fail(meta.LineNumber, $"##contig ID '{id}' is not a valid contig name");
        }

        long? length = null;
        if (meta["length"] is { } lengthText)
        {
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw Fail(meta.LineNumber, $"##contig {id}: length={lengthText} is not a whole number");
            }

            length = parsed;
        }

        if (contigById.TryGetValue(id, out var earlier))
        {
            throw Fail(meta.LineNumber, $"##contig {id} is declared twice (first on line {earlier.Line!.LineNumber})");
        }

        var contig = new VcfContig(parts.Contigs.Count, id, length, meta);
        contigById.Add(id, contig);
        parts.Contigs.Add(contig);
    }

    private void AddMeta(VcfMetaLine meta, string id)
    {
        var numberText = meta["Number"] ?? ".";
        if (!VcfNumber.TryParse(numberText, out var number))
        {
            throw Fail(meta.LineNumber, $"##META {id}: Number={numberText} is not a count or one of A, R, G, .");
        }

        var type = ParseType(meta["Type"] ?? "String", meta, $"##META {id}");
        if (type == VcfValueType.Flag)
        {
            throw Fail(meta.LineNumber, $"##META {id}: Type must be Integer, Float, Character or String");
        }

        var values = meta["Values"] is { } list && list.StartsWith('[') && list.EndsWith(']')
            ? list[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        parts.MetaDefinitions.Add(new VcfMetaDefinition(id, number, type, values, meta));
    }

    private VcfValueType ParseType(string text, VcfMetaLine meta, string what) => text switch
    {
        "Integer" => VcfValueType.Integer,
        "Float" => VcfValueType.Float,
        "Flag" => VcfValueType.Flag,
        "Character" => VcfValueType.Character,
        "String" => VcfValueType.String,
        _ => throw Fail(meta.LineNumber, $"{what}: Type={text} is not one of Integer, Float, Flag, Character, String"),
    };
}
