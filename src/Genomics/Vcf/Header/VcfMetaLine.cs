namespace Genomics.Vcf;

/// <summary>
/// One <c>##key=value</c> header line as written, and, when the value is a <c>&lt;…&gt;</c> list, its fields in order.
/// </summary>
public sealed class VcfMetaLine
{
    internal VcfMetaLine(string text, string key, string value, IReadOnlyList<VcfMetaField>? fields, long lineNumber)
    {
        Text = text;
        Key = key;
        Value = value;
        Fields = fields ?? [];
        IsStructured = fields is not null;
        LineNumber = lineNumber;
    }

    /// <summary>The whole line without its leading <c>##</c> and line ending.</summary>
    public string Text { get; }

    /// <summary>The text before the first '=' (INFO, FORMAT, contig, source, …).</summary>
    public string Key { get; }

    /// <summary>The text after the first '=', as written.</summary>
    public string Value { get; }

    /// <summary>Whether the value is a <c>&lt;key=value,…&gt;</c> list.</summary>
    public bool IsStructured { get; }

    /// <summary>The fields of a structured line, in order; empty otherwise.</summary>
    public IReadOnlyList<VcfMetaField> Fields { get; }

    /// <summary>1-based line number in the file.</summary>
    public long LineNumber { get; }

    /// <summary>The value of the first field called <paramref name="key"/>, or null.</summary>
    public string? this[string key] => TryGetField(key, out var field) ? field.Value : null;

    /// <summary>Finds the first field called <paramref name="key"/> (case-sensitive).</summary>
    public bool TryGetField(string key, out VcfMetaField field)
    {
        foreach (var candidate in Fields)
        {
            if (candidate.Key == key)
            {
                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }
}
