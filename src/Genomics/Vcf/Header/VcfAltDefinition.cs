namespace Genomics.Vcf;

/// <summary>A <c>##ALT</c> header line: a symbolic allele such as <c>&lt;DEL&gt;</c>.</summary>
/// <param name="Id">The allele's ID, without angle brackets.</param>
/// <param name="Description">The Description attribute, if any.</param>
/// <param name="Line">The header line.</param>
public sealed record VcfAltDefinition(string Id, string? Description, VcfMetaLine Line);
