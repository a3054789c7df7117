namespace Genomics.Access;

/// <summary>
/// Disclosure control for a public release of a per-cohort summary (access.md, the All of Us dissemination policy):
/// no participant count in 1..T may be published or derivable from what is published.
/// <list type="number">
/// <item>Primary: every count in 1..T is suppressed, and so is every derived count in 1..T that the published cells
/// would reveal: the REF allele count an − ac, and the "unlisted" remainder of a cohort column whose cohorts do not
/// cover ALL (ALL minus the sum of the column's cohorts), for every count column.</item>
/// <item>Complementary: the published cells, the suppressed cells and the derived counts are tied by exact linear
/// relations (below). A suppressed or derived count in 1..T is exposed when those relations fix it: when it is
/// a linear combination of published cells (exact Gaussian elimination over the integers), or when interval
/// propagation with every unknown ≥ 0 narrows it to one value. While a sensitive count is exposed, one more cell
/// is suppressed: the smallest non-zero published cell of a relation it is in (ties: first row, first column),
/// looking further along the relations when its own have none.</item>
/// <item>Cells that are the same number in other rows stay consistent. n_samples, n_called, n_missing and an are
/// the same for every ALT of one site, so the ALTs of a variant are processed as one table in which those copies
/// are tied by equations. A cohort's n_samples is the same in every variant: when it is suppressed in one, it is
/// suppressed in every variant and must not be derivable in any; when it (or a column's unlisted remainder) is
/// published or derivable in one variant it counts as known in all. Variants are processed again until neither set
/// grows.</item>
/// <item>af is suppressed when ac or an is (af·an = ac would give it back); hwe_p when any of n_hom_ref, n_het,
/// n_hom_alt is (the exact test's p-value is a function of those three counts and can be inverted).</item>
/// </list>
/// Relations per row (ALL, each cohort, each remainder), used only when they hold exactly in the data (multi-allelic
/// and partially missing calls break some of them, and a broken relation tells an attacker nothing exact):
/// n_hom_ref + n_het + n_hom_alt + n_hemi_ref + n_hemi_alt + n_missing = n_samples; n_called + n_missing = n_samples;
/// n_hom_ref + n_het + n_hom_alt + n_hemi_ref + n_hemi_alt = n_called; ac + ref = an;
/// n_het + 2·n_hom_alt + n_hemi_alt = ac; carriers = n_het + n_hom_alt + n_hemi_alt;
/// 2·(n_hom_ref + n_het + n_hom_alt) + n_hemi_ref + n_hemi_alt = an; 2·n_hom_ref + n_het + n_hemi_ref = ref.
/// Per cohort column and count (ref included): the column's cohorts plus its remainder sum to ALL.
/// </summary>
public sealed partial class DisclosureControl
{
    /// <summary>The policy's threshold: counts 1..20 are never published. It can be raised, never lowered.</summary>
    public const int MinimumThreshold = 20;

    public DisclosureControl(int threshold = MinimumThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, MinimumThreshold);
        Threshold = threshold;
    }

    /// <summary>Counts from 1 to this value are suppressed.</summary>
    public int Threshold { get; }

    /// <summary>
    /// The rows with suppressed cells nulled and named in <see cref="ReleaseRow.Suppressed"/>, in input order. Rows
    /// are grouped by variant; each (allele, cohort) appears once per variant.
    /// </summary>
    public IReadOnlyList<ReleaseRow> Apply(IReadOnlyList<ReleaseRow> rows)
    {
        var groups = new Dictionary<long, List<int>>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            if (!groups.TryGetValue(row.VariantIndex, out var members))
            {
                groups[row.VariantIndex] = members = [];
            }

            members.Add(index);
        }

        var tables = groups.Values.Select(members => new Table(members.Select(i => rows[i]).ToArray(), Threshold)).ToArray();
        // Cohort sizes tie the variants together: suppressed in one means suppressed in all, and known in one
        // (published or derivable) means known in all. Suppressions only grow, so the rounds end.
        var forced = new HashSet<LinkKey>();
        var known = new HashSet<LinkKey>();
        while (true)
        {
            var changed = false;
            foreach (var table in tables)
            {
                changed |= table.Suppress(forced, known);
            }

            var nextForced = new HashSet<LinkKey>(forced);
            var nextKnown = new HashSet<LinkKey>();
            foreach (var table in tables)
            {
                nextForced.UnionWith(table.SuppressedLinks());
                nextKnown.UnionWith(table.KnownLinks());
            }

            if (!changed && nextForced.SetEquals(forced) && nextKnown.SetEquals(known))
            {
                break;
            }

            (forced, known) = (nextForced, nextKnown);
        }

        var output = new ReleaseRow[rows.Count];
        foreach (var (members, table) in groups.Values.Zip(tables))
        {
            for (var k = 0; k < members.Count; k++)
            {
                output[members[k]] = table.Released(k);
            }
        }

        return output;
    }

    /// <summary>Identifies cells that are the same number across variants: a cohort's n_samples (Variant -1: release-wide).</summary>
    internal readonly record struct LinkKey(int Field, string Cohort, long Variant, long Value);
}
