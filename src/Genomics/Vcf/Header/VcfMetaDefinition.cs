namespace Genomics.Vcf;

/// <summary>A <c>##META</c> header line (VCF 4.3): the allowed values of a <c>##SAMPLE</c> attribute.</summary>
/// <param name="Id">The attribute it describes.</param>
/// <param name="Number">How many values a sample may have.</param>
/// <param name="Type">The type of the values.</param>
/// <param name="Values">The allowed values from <c>Values=[a, b]</c>; empty when not listed.</param>
/// <param name="Line">The header line.</param>
public sealed record VcfMetaDefinition(string Id, VcfNumber Number, VcfValueType Type, IReadOnlyList<string> Values, VcfMetaLine Line);
