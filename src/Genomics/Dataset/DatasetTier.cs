namespace Genomics.Dataset;

/// <summary>Data tiers as the access model names them; participant-level data is always controlled.</summary>
public static class DatasetTier
{
    public const string Controlled = "controlled";
    public const string Public = "public";
}
