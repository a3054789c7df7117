namespace Genomics.Vcf;

/// <summary>A <c>##FILTER</c> header line.</summary>
/// <param name="Id">The filter name used in the FILTER column.</param>
/// <param name="Description">The Description attribute, if any.</param>
/// <param name="Line">The header line.</param>
public sealed record VcfFilterDefinition(string Id, string? Description, VcfMetaLine Line);
