using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>
/// Names the dataset columns of INFO and FORMAT keys (<c>info_KEY</c>, <c>format_KEY</c>) once per file, so a key keeps
/// its column across parts. VCF keys are case-sensitive but DuckDB, Spark and pandas users treat column names as
/// case-insensitive, so a key differing from an earlier one only in case gets a numbered suffix instead of a clash.
/// </summary>
internal sealed class VcfColumnNames
{
    private readonly Dictionary<(VcfFieldScope, string), string> byKey = [];
    private readonly HashSet<string> taken = new(StringComparer.OrdinalIgnoreCase);

    public VcfColumnNames(IEnumerable<string> reserved)
    {
        taken.UnionWith(reserved);
    }

    public string Of(VcfFieldDefinition definition)
    {
        var key = (definition.Scope, definition.Id);
        if (byKey.TryGetValue(key, out var name))
        {
            return name;
        }

        var stem = (definition.Scope == VcfFieldScope.Info ? "info_" : "format_") + definition.Id;
        name = stem;
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{stem}_{n}";
        }

        byKey[key] = name;
        return name;
    }
}
