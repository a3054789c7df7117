namespace Genomics.Vcf;

/// <summary>
/// An INFO or FORMAT field: from its <c>##INFO</c>/<c>##FORMAT</c> header line, or made up by the reader for a key the
/// header does not declare (the VCF 4.3 reserved definition where there is one, otherwise a String with Number=1).
/// </summary>
public sealed class VcfFieldDefinition
{
    internal VcfFieldDefinition(VcfFieldScope scope, string id, VcfNumber number, VcfValueType type, string? description, VcfMetaLine? line)
    {
        Scope = scope;
        Id = id;
        Number = number;
        Type = type;
        Description = description;
        Line = line;
    }

    /// <summary>INFO or FORMAT.</summary>
    public VcfFieldScope Scope { get; }

    /// <summary>The key as written in records (e.g. DP, AD).</summary>
    public string Id { get; }

    /// <summary>How many values the field holds.</summary>
    public VcfNumber Number { get; }

    /// <summary>The type of each value.</summary>
    public VcfValueType Type { get; }

    /// <summary>The Description attribute, if any.</summary>
    public string? Description { get; }

    /// <summary>The header line, or null for a key the header does not declare.</summary>
    public VcfMetaLine? Line { get; }

    /// <summary>Whether the header declares the field.</summary>
    public bool IsDeclared => Line is not null;

    /// <summary>Whether the dataset stores one value (per site for INFO, per sample for FORMAT) rather than a list: Number=1, or a flag.</summary>
    public bool IsScalar => Number.IsScalar || Type == VcfValueType.Flag;

    /// <summary>Rules the VCF 4.3 specification adds for this key (non-negative values, CIGAR syntax), when they apply.</summary>
    internal ReservedField? Reserved { get; init; }

    public override string ToString() => $"{Scope} {Id} Number={Number} Type={Type}";
}
