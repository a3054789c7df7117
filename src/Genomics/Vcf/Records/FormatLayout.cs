namespace Genomics.Vcf;

/// <summary>What a FORMAT string (e.g. GT:DP:GQ:AD) means: where each key's values go. Records mostly repeat a few, so layouts are kept.</summary>
/// <param name="Columns">For each key in order, its index among the batch's FORMAT columns, or <see cref="Genotype"/> for GT.</param>
/// <param name="HasGenotype">Whether the first key is GT.</param>
internal sealed record FormatLayout(int[] Columns, bool HasGenotype)
{
    public const int Genotype = -1;

    /// <summary>The layout of FORMAT '.': no keys.</summary>
    public static FormatLayout Empty { get; } = new([], false);

    /// <summary>Whether FORMAT is just GT, the case the fixed-width fast path decodes.</summary>
    public bool IsGenotypeOnly => HasGenotype && Columns.Length == 1;
}
