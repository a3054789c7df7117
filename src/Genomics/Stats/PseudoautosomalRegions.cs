namespace Genomics.Stats;

/// <summary>
/// The pseudo-autosomal regions of chrX in a human build (1-based, inclusive), where males are diploid. The boundaries
/// are those plink2 uses for <c>--split-par hg19|hg38</c>.
/// </summary>
public sealed record PseudoautosomalRegions(string Build, long Par1Start, long Par1End, long Par2Start, long Par2End)
{
    /// <summary>GRCh37 / hg19.</summary>
    public static PseudoautosomalRegions Hg19 { get; } = new("hg19", 60_001, 2_699_520, 154_931_044, 155_260_560);

    /// <summary>GRCh38 / hg38.</summary>
    public static PseudoautosomalRegions Hg38 { get; } = new("hg38", 10_001, 2_781_479, 155_701_383, 156_030_895);

    /// <summary>The regions of a build named as users type it (hg19, b37, grch37, hg38, b38, grch38), or null.</summary>
    public static PseudoautosomalRegions? Named(string build) => build.ToLowerInvariant() switch
    {
        "hg19" or "b37" or "grch37" => Hg19,
        "hg38" or "b38" or "grch38" => Hg38,
        _ => null,
    };

    /// <summary>Whether chrX position <paramref name="position"/> is inside PAR1 or PAR2.</summary>
    public bool Contains(long position) =>
        (position >= Par1Start && position <= Par1End) || (position >= Par2Start && position <= Par2End);
}
