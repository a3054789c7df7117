namespace Genomics.Tests.Plink;

/// <summary>One VCF record as the cross-check needs it: where, which alleles, and each sample's GT text.</summary>
internal sealed record VcfSite(string Chromosome, long Position, string Ref, string Alt, string[] Genotypes);
