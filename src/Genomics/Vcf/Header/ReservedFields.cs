using System.Collections.Frozen;

namespace Genomics.Vcf;

/// <summary>The reserved INFO and FORMAT keys of VCF 4.3 (facts from the specification's tables).</summary>
internal static class ReservedFields
{
    private static readonly VcfNumber A = new(VcfNumberKind.AltAlleles);
    private static readonly VcfNumber R = new(VcfNumberKind.Alleles);
    private static readonly VcfNumber G = new(VcfNumberKind.Genotypes);

    private static readonly FrozenDictionary<string, ReservedField> Info = new Dictionary<string, ReservedField>(StringComparer.Ordinal)
    {
        ["AA"] = new(VcfNumber.One, VcfValueType.String),
        ["AC"] = new(A, VcfValueType.Integer, NonNegative: true),
        ["AD"] = new(R, VcfValueType.Integer, NonNegative: true),
        ["ADF"] = new(R, VcfValueType.Integer, NonNegative: true),
        ["ADR"] = new(R, VcfValueType.Integer, NonNegative: true),
        ["AF"] = new(A, VcfValueType.Float, NonNegative: true),
        ["AN"] = new(VcfNumber.One, VcfValueType.Integer, NonNegative: true),
        ["BQ"] = new(VcfNumber.One, VcfValueType.Float, NonNegative: true),
        ["CIGAR"] = new(A, VcfValueType.String, IsCigar: true),
        ["DB"] = new(VcfNumber.Zero, VcfValueType.Flag),
        ["DP"] = new(VcfNumber.One, VcfValueType.Integer, NonNegative: true),
        ["END"] = new(VcfNumber.One, VcfValueType.Integer, NonNegative: true),
        ["H2"] = new(VcfNumber.Zero, VcfValueType.Flag),
        ["H3"] = new(VcfNumber.Zero, VcfValueType.Flag),

        // SB (strand bias, Number=4) is left out: the VCF test suite's valid files use it freely (SB=0.150).

        // Tools disagree on MQ's Type (Integer in samtools, Float in GATK); only its Number is held to the table.
        ["MQ"] = new(VcfNumber.One, VcfValueType.Float, CheckType: false, NonNegative: true),
        ["MQ0"] = new(VcfNumber.One, VcfValueType.Integer, NonNegative: true),
        ["NS"] = new(VcfNumber.One, VcfValueType.Integer, NonNegative: true),
        ["SOMATIC"] = new(VcfNumber.Zero, VcfValueType.Flag),
        ["VALIDATED"] = new(VcfNumber.Zero, VcfValueType.Flag),
        ["1000G"] = new(VcfNumber.Zero, VcfValueType.Flag),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ReservedField> Format = new Dictionary<string, ReservedField>(StringComparer.Ordinal)
    {
        ["AD"] = new(R, VcfValueType.Integer),
        ["ADF"] = new(R, VcfValueType.Integer),
        ["ADR"] = new(R, VcfValueType.Integer),
        ["DP"] = new(VcfNumber.One, VcfValueType.Integer),
        ["EC"] = new(A, VcfValueType.Integer),
        ["FT"] = new(VcfNumber.One, VcfValueType.String),
        ["GL"] = new(G, VcfValueType.Float),
        ["GP"] = new(G, VcfValueType.Float),
        ["GQ"] = new(VcfNumber.One, VcfValueType.Integer),
        ["GT"] = new(VcfNumber.One, VcfValueType.String),
        ["HQ"] = new(new VcfNumber(VcfNumberKind.Fixed, 2), VcfValueType.Integer),
        ["MQ"] = new(VcfNumber.One, VcfValueType.Integer),
        ["PL"] = new(G, VcfValueType.Integer),
        ["PQ"] = new(VcfNumber.One, VcfValueType.Integer),
        ["PS"] = new(VcfNumber.One, VcfValueType.Integer),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ReservedField? Find(VcfFieldScope scope, string id) =>
        (scope == VcfFieldScope.Info ? Info : Format).GetValueOrDefault(id);

    /// <summary>Whether a declaration agrees with the reserved definition (where this reader holds headers to it).</summary>
    public static bool Agrees(ReservedField reserved, VcfNumber number, VcfValueType type) =>
        reserved.Number == number && (!reserved.CheckType || reserved.Type == type);
}
