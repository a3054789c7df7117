namespace Genomics.Stats;

/// <summary>The site columns a summary row repeats: which variant, and its alleles.</summary>
/// <param name="VariantIndex">0-based, as in the dataset's variants table.</param>
/// <param name="Contig">As in the input.</param>
/// <param name="Position">1-based.</param>
/// <param name="Id">Null for '.'.</param>
/// <param name="Ref">The REF allele.</param>
/// <param name="Alts">The ALT alleles (empty when there is none).</param>
public sealed record SummarySite(long VariantIndex, string Contig, long Position, string? Id, string Ref, IReadOnlyList<string> Alts);
