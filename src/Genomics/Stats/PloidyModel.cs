using Genomics.Plink;

namespace Genomics.Stats;

/// <summary>
/// Ploidy for inputs that store calls without it (PLINK .bed, dosage datasets), as plink2 reads them: males (sex 1)
/// haploid on chrX outside the PAR and on chrY, where other samples are not counted; everyone haploid on MT; everyone
/// diploid elsewhere. Without PAR boundaries all of chrX is outside the PAR (plink2 without --split-par).
/// </summary>
public sealed class PloidyModel
{
    private readonly bool[] male;

    /// <param name="sexes">Each sample's sex, in data order.</param>
    /// <param name="par">The PAR of chrX, or null.</param>
    public PloidyModel(IReadOnlyList<PlinkSex> sexes, PseudoautosomalRegions? par)
    {
        male = [.. sexes.Select(s => s == PlinkSex.Male)];
        Par = par;
    }

    /// <summary>Samples (N).</summary>
    public int SampleCount => male.Length;

    /// <summary>The PAR of chrX, or null.</summary>
    public PseudoautosomalRegions? Par { get; }

    /// <summary>Whether sample <paramref name="sample"/> is male.</summary>
    public bool IsMale(int sample) => male[sample];

    /// <summary>The kind of a site on <paramref name="contig"/> (any spelling: chrX, X, 23, …) at <paramref name="position"/>.</summary>
    public SiteKind KindOf(string contig, long position) => PlinkChromosome.Normalize(contig) switch
    {
        "X" => Par is { } par && par.Contains(position) ? SiteKind.Diploid : SiteKind.XNonPar,
        "Y" => SiteKind.Y,
        "MT" => SiteKind.Mitochondrial,
        _ => SiteKind.Diploid,
    };

    /// <summary>How sample <paramref name="sample"/>'s call is read at a site of <paramref name="kind"/>.</summary>
    public CallClass ClassOf(SiteKind kind, int sample) => kind switch
    {
        SiteKind.XNonPar => male[sample] ? CallClass.Haploid : CallClass.Diploid,
        SiteKind.Y => male[sample] ? CallClass.Haploid : CallClass.Excluded,
        SiteKind.Mitochondrial => CallClass.Haploid,
        _ => CallClass.Diploid,
    };
}
