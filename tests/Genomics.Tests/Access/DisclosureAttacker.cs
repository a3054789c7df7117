using System.Numerics;
using Genomics.Access;

namespace Genomics.Tests.Access;

/// <summary>
/// An attacker written independently of <see cref="DisclosureControl"/>: from the released table it tries to pin
/// every sensitive value (a true count in 1..T that is not published: suppressed cells, REF allele counts an − ac,
/// and the unlisted remainder of each cohort column, for every count).
/// <para>Method. Every published cell is a known; every suppressed cell, every REF count and every remainder count
/// is an unknown integer ≥ 0. The attacker knows every relation that holds in the true data: the row relations
/// (genotype classes + missing = samples; called + missing = samples; classes = called; ac + ref = an;
/// het + 2·hom_alt + hemi_alt = ac; carriers = het + hom_alt + hemi_alt; 2·diploid + haploid = an;
/// 2·hom_ref + het + hemi_ref = ref), the cohort partitions (cohorts of a column + remainder = ALL, per count), and
/// that a cohort's n_samples is one number in every row, as are n_called, n_missing and an across the ALTs of a site.
/// It then alternates (1) exact Gauss–Jordan elimination over the rationals (BigInteger fractions): an unknown whose
/// unit vector is in the row space is fixed; and (2) interval propagation with non-negativity over the original and
/// the reduced equations: an unknown whose interval holds one integer is fixed. Fixed unknowns become knowns and the
/// rounds repeat until nothing new is fixed. This finds everything linear algebra and bounds can give; an integer
/// programming attacker could in rare cases do better, which this test does not claim to exclude.</para>
/// </summary>
internal static class DisclosureAttacker
{
    private static readonly string[] Fields = [.. ReleaseRow.CountColumns, "ref"];

    /// <summary>Descriptions of every sensitive value the attacker pins (empty when the release is safe).</summary>
    public static List<string> Recover(ReleaseRow[] truth, IReadOnlyList<ReleaseRow> released, int threshold)
    {
        var system = new EquationSystem();
        var sensitive = new List<(string Name, int Variable, long Value)>();
        var linkFirst = new Dictionary<(int Field, string Cohort, long Variant), (Term Term, long Value)>();

        foreach (var group in Enumerable.Range(0, truth.Length).GroupBy(i => (truth[i].VariantIndex, truth[i].AlleleIndex)))
        {
            var members = group.ToArray();
            // term(row, field): a known value or an unknown; rows beyond the group's are the remainders.
            var rowsTrue = new List<long[]>();
            var rowsTerm = new List<Term[]>();
            foreach (var i in members)
            {
                var t = new long[12];
                var term = new Term[12];
                for (var f = 0; f < 11; f++)
                {
                    t[f] = truth[i].Count(f)!.Value;
                    var published = released[i].Count(f);
                    if (published is { } p)
                    {
                        term[f] = Term.Known(p);
                    }
                    else
                    {
                        term[f] = Term.Unknown(system.NewVariable());
                        if (t[f] >= 1 && t[f] <= threshold)
                        {
                            sensitive.Add(($"{Name(truth[i])} {Fields[f]}={t[f]}", term[f].Variable, t[f]));
                        }
                    }

                    // Same-number links across rows.
                    var link = f switch
                    {
                        0 => (f, truth[i].Cohort, -1L),
                        1 or 2 or 4 => (f, truth[i].Cohort, truth[i].VariantIndex),
                        _ => ((int, string, long)?)null,
                    };
                    if (link is { } key)
                    {
                        if (!linkFirst.TryGetValue(key, out var first))
                        {
                            linkFirst[key] = (term[f], t[f]);
                        }
                        else if (first.Value == t[f])
                        {
                            system.AddEquation([(first.Term, 1), (term[f], -1)]);
                        }
                    }
                }

                t[11] = t[4] - t[3];
                term[11] = Term.Unknown(system.NewVariable());
                if (t[11] >= 1 && t[11] <= threshold)
                {
                    sensitive.Add(($"{Name(truth[i])} ref={t[11]}", term[11].Variable, t[11]));
                }

                rowsTrue.Add(t);
                rowsTerm.Add(term);
            }

            var all = Array.FindIndex(members, i => truth[i].Cohort == ReleaseRow.AllCohort);
            var columns = Enumerable.Range(0, members.Length).Where(k => k != all)
                .GroupBy(k => truth[members[k]].Cohort.Split('=')[0]).ToArray();
            if (all >= 0)
            {
                foreach (var column in columns)
                {
                    var t = new long[12];
                    var term = new Term[12];
                    for (var f = 0; f < 12; f++)
                    {
                        t[f] = rowsTrue[all][f] - column.Sum(k => rowsTrue[k][f]);
                        term[f] = Term.Unknown(system.NewVariable());
                        if (t[f] >= 1 && t[f] <= threshold)
                        {
                            sensitive.Add(($"v{truth[members[0]].VariantIndex}/{truth[members[0]].AlleleIndex} {column.Key} unlisted {Fields[f]}={t[f]}", term[f].Variable, t[f]));
                        }

                        var partition = column.Select(k => (rowsTerm[k][f], 1L)).Append((term[f], 1L)).Append((rowsTerm[all][f], -1L)).ToArray();
                        system.AddEquation(partition);
                    }

                    rowsTrue.Add(t);
                    rowsTerm.Add(term);
                }
            }

            for (var r = 0; r < rowsTrue.Count; r++)
            {
                var (t, x) = (rowsTrue[r], rowsTerm[r]);
                // (coefficients per field) for each row relation; kept only when it holds in the true data.
                long[][] relations =
                [
                    [-1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0],
                    [-1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                    [0, -1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0],
                    [0, 0, 0, 1, -1, 0, 0, 0, 0, 0, 0, 1],
                    [0, 0, 0, -1, 0, 0, 1, 2, 0, 1, 0, 0],
                    [0, 0, 0, 0, 0, 0, -1, -1, 0, -1, 1, 0],
                    [0, 0, 0, 0, -1, 2, 2, 2, 1, 1, 0, 0],
                    [0, 0, 0, 0, 0, 2, 1, 0, 1, 0, 0, -1],
                ];
                foreach (var c in relations)
                {
                    if (Enumerable.Range(0, 12).Sum(f => c[f] * t[f]) == 0)
                    {
                        system.AddEquation([.. Enumerable.Range(0, 12).Where(f => c[f] != 0).Select(f => (x[f], c[f]))]);
                    }
                }
            }
        }

        var fixedValues = system.Solve();
        return [.. sensitive.Where(s => fixedValues.ContainsKey(s.Variable)).Select(s => $"{s.Name} pinned to {fixedValues[s.Variable]}")];
    }

    private static string Name(ReleaseRow row) => $"v{row.VariantIndex}/{row.AlleleIndex} {row.Cohort}";

    private readonly record struct Term(bool IsKnown, long Value, int Variable)
    {
        public static Term Known(long value) => new(true, value, -1);

        public static Term Unknown(int variable) => new(false, 0, variable);
    }

    /// <summary>Σ coefficient·variable = constant, over rationals.</summary>
    private sealed class EquationSystem
    {
        private readonly List<(Dictionary<int, BigInteger> Coefficients, BigInteger Constant)> equations = [];
        private int variables;

        public int NewVariable() => variables++;

        public void AddEquation((Term Term, long Coefficient)[] terms)
        {
            var coefficients = new Dictionary<int, BigInteger>();
            BigInteger constant = 0;
            foreach (var (term, c) in terms)
            {
                if (term.IsKnown)
                {
                    constant -= c * term.Value;
                }
                else
                {
                    coefficients[term.Variable] = coefficients.GetValueOrDefault(term.Variable) + c;
                }
            }

            equations.Add((coefficients, constant));
        }

        /// <summary>Alternates elimination and bounds until no new variable is fixed; returns the fixed ones.</summary>
        public Dictionary<int, BigInteger> Solve()
        {
            var known = new Dictionary<int, BigInteger>();
            while (true)
            {
                var before = known.Count;
                var reduced = Eliminate(known);
                var rows = equations.Concat(reduced).ToList();
                Propagate(rows, known);
                if (known.Count == before)
                {
                    return known;
                }
            }
        }

        /// <summary>Gauss–Jordan over BigInteger fractions; records variables fixed alone in a reduced row; returns the reduced rows.</summary>
        private List<(Dictionary<int, BigInteger>, BigInteger)> Eliminate(Dictionary<int, BigInteger> known)
        {
            var columns = Enumerable.Range(0, variables).Where(v => !known.ContainsKey(v)).ToArray();
            var index = columns.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
            var m = new List<Fraction[]>();
            foreach (var (coefficients, constant) in equations)
            {
                var row = Enumerable.Repeat(Fraction.Zero, columns.Length + 1).ToArray();
                var rhs = constant;
                foreach (var (v, c) in coefficients)
                {
                    if (known.TryGetValue(v, out var value))
                    {
                        rhs -= c * value;
                    }
                    else
                    {
                        row[index[v]] = row[index[v]] + new Fraction(c, 1);
                    }
                }

                row[^1] = new Fraction(rhs, 1);
                m.Add(row);
            }

            var pivots = new List<int>();
            var r = 0;
            for (var col = 0; col < columns.Length && r < m.Count; col++)
            {
                var p = m.FindIndex(r, x => !x[col].IsZero);
                if (p < 0)
                {
                    continue;
                }

                (m[r], m[p]) = (m[p], m[r]);
                var pivot = m[r][col];
                for (var c = 0; c <= columns.Length; c++)
                {
                    m[r][c] = m[r][c] / pivot;
                }

                for (var i = 0; i < m.Count; i++)
                {
                    if (i != r && !m[i][col].IsZero)
                    {
                        var factor = m[i][col];
                        for (var c = 0; c <= columns.Length; c++)
                        {
                            m[i][c] = m[i][c] - (factor * m[r][c]);
                        }
                    }
                }

                pivots.Add(col);
                r++;
            }

            var reduced = new List<(Dictionary<int, BigInteger>, BigInteger)>();
            for (var i = 0; i < pivots.Count; i++)
            {
                var nonZero = Enumerable.Range(0, columns.Length).Where(c => !m[i][c].IsZero).ToArray();
                if (nonZero.Length == 1)
                {
                    var value = m[i][^1];
                    known[columns[pivots[i]]] = value.Numerator / value.Denominator;
                }

                // Scale the reduced row to integers for the bounds pass.
                var lcm = nonZero.Aggregate(m[i][^1].Denominator, (a, c) => a * m[i][c].Denominator / BigInteger.GreatestCommonDivisor(a, m[i][c].Denominator));
                reduced.Add((nonZero.ToDictionary(c => columns[c], c => m[i][c].Numerator * (lcm / m[i][c].Denominator)), m[i][^1].Numerator * (lcm / m[i][^1].Denominator)));
            }

            return reduced;
        }

        /// <summary>Interval propagation in doubles (values are small integers), unknowns ≥ 0; pins variables whose interval holds one integer.</summary>
        private void Propagate(List<(Dictionary<int, BigInteger> Coefficients, BigInteger Constant)> rows, Dictionary<int, BigInteger> known)
        {
            var lo = new double[variables];
            var hi = Enumerable.Repeat(double.PositiveInfinity, variables).ToArray();
            foreach (var (v, value) in known)
            {
                lo[v] = hi[v] = (double)value;
            }

            for (var round = 0; round < 200; round++)
            {
                var changed = false;
                foreach (var (coefficients, constant) in rows)
                {
                    foreach (var (v, cv) in coefficients)
                    {
                        double restLo = 0, restHi = 0;
                        foreach (var (u, cu) in coefficients)
                        {
                            if (u == v)
                            {
                                continue;
                            }

                            var c = (double)cu;
                            restLo += c > 0 ? c * lo[u] : (double.IsPositiveInfinity(hi[u]) ? double.NegativeInfinity : c * hi[u]);
                            restHi += c > 0 ? c * hi[u] : c * lo[u];
                        }

                        // cv·x = constant − rest
                        var (a, b) = ((double)constant - restHi, (double)constant - restLo);
                        var c0 = (double)cv;
                        var (newLo, newHi) = c0 > 0 ? (a / c0, b / c0) : (b / c0, a / c0);
                        newLo = Math.Ceiling(newLo - 1e-9);
                        newHi = Math.Floor(newHi + 1e-9);
                        if (newLo > lo[v] + 0.5)
                        {
                            lo[v] = newLo;
                            changed = true;
                        }

                        if (newHi < hi[v] - 0.5)
                        {
                            hi[v] = newHi;
                            changed = true;
                        }
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            for (var v = 0; v < variables; v++)
            {
                if (!known.ContainsKey(v) && lo[v] == hi[v])
                {
                    known[v] = new BigInteger(lo[v]);
                }
            }
        }
    }

    private readonly record struct Fraction
    {
        public Fraction(BigInteger numerator, BigInteger denominator)
        {
            if (denominator < 0)
            {
                (numerator, denominator) = (-numerator, -denominator);
            }

            var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
            (Numerator, Denominator) = g > 1 ? (numerator / g, denominator / g) : (numerator, denominator);
        }

        public static Fraction Zero => new(0, 1);

        public BigInteger Numerator { get; }

        public BigInteger Denominator { get; }

        public bool IsZero => Numerator.IsZero;

        public static Fraction operator +(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Fraction operator -(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    }
}
