namespace Genomics.Access;

/// <summary>
/// One row of a summary offered for public release: one (variant, ALT allele, cohort) with its counts. Cohort is
/// "ALL" or "COLUMN=VALUE" (dataset.md). After <see cref="DisclosureControl.Apply"/>, suppressed cells are null and
/// <see cref="Suppressed"/> lists their column names.
/// </summary>
public sealed record ReleaseRow
{
    /// <summary>The cohort name of the row holding every participant.</summary>
    public const string AllCohort = "ALL";

    public required long VariantIndex { get; init; }

    public required int AlleleIndex { get; init; }

    public required string Cohort { get; init; }

    public long? NSamples { get; init; }

    public long? NCalled { get; init; }

    public long? NMissing { get; init; }

    public long? Ac { get; init; }

    public long? An { get; init; }

    public long? NHomRef { get; init; }

    public long? NHet { get; init; }

    public long? NHomAlt { get; init; }

    public long? NHemiRef { get; init; }

    public long? NHemiAlt { get; init; }

    public long? Carriers { get; init; }

    public double? Af { get; init; }

    public double? HweP { get; init; }

    /// <summary>Column names (n_samples, ac, af, hwe_p, …) whose values were suppressed, in column order.</summary>
    public IReadOnlyList<string> Suppressed { get; init; } = [];

    /// <summary>The count columns in order, as <see cref="Suppressed"/> names them.</summary>
    public static IReadOnlyList<string> CountColumns { get; } =
        ["n_samples", "n_called", "n_missing", "ac", "an", "n_hom_ref", "n_het", "n_hom_alt", "n_hemi_ref", "n_hemi_alt", "carriers"];

    /// <summary>The count in column <paramref name="index"/> of <see cref="CountColumns"/>.</summary>
    public long? Count(int index) => index switch
    {
        0 => NSamples,
        1 => NCalled,
        2 => NMissing,
        3 => Ac,
        4 => An,
        5 => NHomRef,
        6 => NHet,
        7 => NHomAlt,
        8 => NHemiRef,
        9 => NHemiAlt,
        10 => Carriers,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>A copy with the counts whose mask bit is set nulled.</summary>
    internal ReleaseRow WithoutCounts(Func<int, bool> suppressed) => this with
    {
        NSamples = suppressed(0) ? null : NSamples,
        NCalled = suppressed(1) ? null : NCalled,
        NMissing = suppressed(2) ? null : NMissing,
        Ac = suppressed(3) ? null : Ac,
        An = suppressed(4) ? null : An,
        NHomRef = suppressed(5) ? null : NHomRef,
        NHet = suppressed(6) ? null : NHet,
        NHomAlt = suppressed(7) ? null : NHomAlt,
        NHemiRef = suppressed(8) ? null : NHemiRef,
        NHemiAlt = suppressed(9) ? null : NHemiAlt,
        Carriers = suppressed(10) ? null : Carriers,
    };
}
