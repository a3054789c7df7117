using System.Numerics;

namespace Genomics.Access;

/// <summary>What an attacker can pin from the published cells of one table.</summary>
public sealed partial class DisclosureControl
{
    private static class Solver
    {
        private const int BoundRounds = 64;

        /// <summary>
        /// The unknown cells whose value the known cells fix. Two methods feed each other until neither fixes
        /// anything new: exact elimination (an unknown whose unit vector is in the row space of the equations is
        /// fixed), and interval propagation with every unknown ≥ 0 over the equations and their reduced forms (an
        /// unknown whose interval holds one integer is fixed). A fixed unknown becomes a known for the next round.
        /// </summary>
        public static bool[] Exposed(long?[] values, Func<int, bool> unknown, List<Relation> relations)
        {
            var exposed = new bool[values.Length];
            var known = new Dictionary<int, Int128>();
            for (var cell = 0; cell < values.Length; cell++)
            {
                if (values[cell] is { } v && !unknown(cell))
                {
                    known[cell] = v;
                }
            }

            var equations = relations.Select(r => new Equation(r.Cells, [.. r.Coefficients.Select(c => (Int128)c)], 0)).ToList();
            while (true)
            {
                var cells = new List<int>();
                var columnOf = new Dictionary<int, int>();
                foreach (var relation in relations)
                {
                    foreach (var cell in relation.Cells)
                    {
                        if (!known.ContainsKey(cell) && columnOf.TryAdd(cell, cells.Count))
                        {
                            cells.Add(cell);
                        }
                    }
                }

                if (cells.Count == 0)
                {
                    return exposed;
                }

                List<Equation> reduced;
                try
                {
                    reduced = Eliminate<long>(equations, known, columnOf, cells);
                }
                catch (OverflowException)
                {
                    reduced = Eliminate<BigInteger>(equations, known, columnOf, cells);
                }

                var fixedNow = 0;
                foreach (var equation in reduced)
                {
                    if (equation.Cells.Length == 1 && !known.ContainsKey(equation.Cells[0]))
                    {
                        known[equation.Cells[0]] = equation.Constant / equation.Coefficients[0];
                        exposed[equation.Cells[0]] = true;
                        fixedNow++;
                    }
                }

                foreach (var (cell, value) in Bounds([.. equations, .. reduced], known))
                {
                    known[cell] = value;
                    exposed[cell] = true;
                    fixedNow++;
                }

                if (fixedNow == 0)
                {
                    return exposed;
                }
            }
        }

        /// <summary>
        /// Whether the table's equations say more about the unknown cohort sizes than the size relations alone (the
        /// partitions of n_samples and its copies across ALTs), which every variant shares. Sizes are the numbers an
        /// attacker can combine across variants, so each variant may add nothing to them: otherwise two variants that
        /// each keep a size hidden could pin it together. Eliminating the other unknowns first leaves the rows that
        /// involve sizes only; their rank is compared with the size relations' rank. <paramref name="involved"/> gets
        /// the sizes in those rows.
        /// </summary>
        public static bool RevealsSizes(long?[] values, Func<int, bool> unknown, List<Relation> relations, Func<int, bool> isSize, out HashSet<int> involved)
        {
            involved = [];
            var known = new Dictionary<int, Int128>();
            var others = new List<int>();
            var sizes = new List<int>();
            var seen = new HashSet<int>();
            foreach (var relation in relations)
            {
                foreach (var cell in relation.Cells)
                {
                    if (!unknown(cell))
                    {
                        known[cell] = values[cell]!.Value;
                    }
                    else if (seen.Add(cell))
                    {
                        (isSize(cell) ? sizes : others).Add(cell);
                    }
                }
            }

            if (sizes.Count == 0)
            {
                return false;
            }

            var cells = others.Concat(sizes).ToList();
            var columnOf = cells.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
            var all = relations.Select(r => new Equation(r.Cells, [.. r.Coefficients.Select(c => (Int128)c)], 0)).ToList();
            var sizeOnly = all.Where(e => e.Cells.All(isSize)).ToList();
            List<Equation> reducedAll, reducedSizes;
            try
            {
                (reducedAll, reducedSizes) = (Eliminate<long>(all, known, columnOf, cells), Eliminate<long>(sizeOnly, known, columnOf, cells));
            }
            catch (OverflowException)
            {
                (reducedAll, reducedSizes) = (Eliminate<BigInteger>(all, known, columnOf, cells), Eliminate<BigInteger>(sizeOnly, known, columnOf, cells));
            }

            var sizeRows = reducedAll.Where(e => e.Cells.All(isSize)).ToList();
            if (sizeRows.Count <= reducedSizes.Count)
            {
                return false;
            }

            foreach (var row in sizeRows)
            {
                involved.UnionWith(row.Cells);
            }

            return true;
        }

        /// <summary>Σ coefficient·cell = constant.</summary>
        private sealed record Equation(int[] Cells, Int128[] Coefficients, Int128 Constant);

        /// <summary>
        /// Fraction-free Gauss–Jordan elimination of the unknowns (knowns moved to the right-hand side, rows kept
        /// primitive by their gcd). Returns the non-zero reduced rows; a row with one unknown fixes it.
        /// </summary>
        private static List<Equation> Eliminate<T>(List<Equation> equations, Dictionary<int, Int128> known, Dictionary<int, int> columnOf, List<int> cells)
            where T : IBinaryInteger<T>
        {
            var width = cells.Count;
            var matrix = new List<T[]>();
            foreach (var equation in equations)
            {
                var row = new T[width + 1];
                var constant = equation.Constant;
                var any = false;
                for (var m = 0; m < equation.Cells.Length; m++)
                {
                    if (known.TryGetValue(equation.Cells[m], out var value))
                    {
                        constant -= equation.Coefficients[m] * value;
                    }
                    else
                    {
                        row[columnOf[equation.Cells[m]]] += T.CreateChecked(equation.Coefficients[m]);
                        any = true;
                    }
                }

                if (any)
                {
                    row[width] = T.CreateChecked(constant);
                    matrix.Add(row);
                }
            }

            var pivotRow = 0;
            for (var column = 0; column < width && pivotRow < matrix.Count; column++)
            {
                var found = matrix.FindIndex(pivotRow, r => !T.IsZero(r[column]));
                if (found < 0)
                {
                    continue;
                }

                (matrix[pivotRow], matrix[found]) = (matrix[found], matrix[pivotRow]);
                var pivot = matrix[pivotRow];
                var p = pivot[column];
                var unit = T.Abs(p) == T.One;
                var pivotColumns = unit ? Enumerable.Range(0, width + 1).Where(c => !T.IsZero(pivot[c])).ToArray() : [];
                for (var i = 0; i < matrix.Count; i++)
                {
                    if (i == pivotRow || T.IsZero(matrix[i][column]))
                    {
                        continue;
                    }

                    var a = matrix[i][column];
                    var row = matrix[i];
                    if (unit)
                    {
                        // p = ±1: row·p − pivot·a is p·(row − pivot·a·p), and a row's sign does not matter, so only the
                        // pivot's non-zero columns change. Most pivots of these sum relations are ±1.
                        var factor = checked(a * p);
                        foreach (var c in pivotColumns)
                        {
                            row[c] = checked(row[c] - (pivot[c] * factor));
                        }

                        continue;
                    }

                    var gcd = T.Zero;
                    for (var c = 0; c <= width; c++)
                    {
                        row[c] = checked((row[c] * p) - (pivot[c] * a));
                        gcd = Gcd(gcd, T.Abs(row[c]));
                    }

                    if (gcd > T.One)
                    {
                        for (var c = 0; c <= width; c++)
                        {
                            row[c] /= gcd;
                        }
                    }
                }

                pivotRow++;
            }

            var reduced = new List<Equation>();
            for (var r = 0; r < pivotRow; r++)
            {
                var row = matrix[r];
                var members = Enumerable.Range(0, width).Where(c => !T.IsZero(row[c])).ToArray();
                // Reduced rows too large for Int128 cannot occur with these small coefficients; skip rather than guess.
                if (members.All(c => Fits(row[c])) && Fits(row[width]))
                {
                    reduced.Add(new Equation([.. members.Select(c => cells[c])], [.. members.Select(c => Int128.CreateChecked(row[c]))], Int128.CreateChecked(row[width])));
                }
            }

            return reduced;
        }

        private static bool Fits<T>(T value)
            where T : IBinaryInteger<T> => T.Abs(value) < T.CreateSaturating(long.MaxValue);

        private static T Gcd<T>(T a, T b)
            where T : IBinaryInteger<T>
        {
            while (!T.IsZero(b))
            {
                (a, b) = (b, a % b);
            }

            return a;
        }

        /// <summary>
        /// Interval propagation: every unknown starts in [0, ∞); each equation bounds each of its unknowns by the
        /// others' intervals (rounded inward: values are integers), until nothing narrows. Returns the unknowns left
        /// with one possible value.
        /// </summary>
        private static List<(int Cell, Int128 Value)> Bounds(List<Equation> equations, Dictionary<int, Int128> known)
        {
            // Unknowns renumbered 0..n-1; each equation as (unknown indexes, coefficients, constant minus knowns).
            var index = new Dictionary<int, int>();
            var cells = new List<int>();
            var compiled = new List<(int[] Unknowns, Int128[] Coefficients, Int128 Constant)>();
            foreach (var equation in equations)
            {
                var constant = equation.Constant;
                var unknowns = new List<int>();
                var coefficients = new List<Int128>();
                for (var m = 0; m < equation.Cells.Length; m++)
                {
                    if (known.TryGetValue(equation.Cells[m], out var value))
                    {
                        constant -= equation.Coefficients[m] * value;
                    }
                    else
                    {
                        if (!index.TryGetValue(equation.Cells[m], out var u))
                        {
                            index[equation.Cells[m]] = u = cells.Count;
                            cells.Add(equation.Cells[m]);
                        }

                        unknowns.Add(u);
                        coefficients.Add(equation.Coefficients[m]);
                    }
                }

                if (unknowns.Count > 0)
                {
                    compiled.Add(([.. unknowns], [.. coefficients], constant));
                }
            }

            var low = new Int128[cells.Count];
            var high = new Int128[cells.Count];
            var bounded = new bool[cells.Count];
            for (var round = 0; round < BoundRounds; round++)
            {
                var narrowed = false;
                foreach (var (unknowns, coefficients, constant) in compiled)
                {
                    // Range of Σ c_i·x_i over all unknowns, counting the infinite ends instead of adding them.
                    Int128 sumLow = 0, sumHigh = 0;
                    int lowInfinite = 0, highInfinite = 0;
                    for (var i = 0; i < unknowns.Length; i++)
                    {
                        var (k, c) = (unknowns[i], coefficients[i]);
                        if (c > 0)
                        {
                            sumLow += c * low[k];
                            if (bounded[k])
                            {
                                sumHigh += c * high[k];
                            }
                            else
                            {
                                highInfinite++;
                            }
                        }
                        else
                        {
                            sumHigh += c * low[k];
                            if (bounded[k])
                            {
                                sumLow += c * high[k];
                            }
                            else
                            {
                                lowInfinite++;
                            }
                        }
                    }

                    for (var m = 0; m < unknowns.Length; m++)
                    {
                        var (j, cj) = (unknowns[m], coefficients[m]);
                        // The others' range: the total without x_j's own contribution.
                        Int128 otherLow = sumLow, otherHigh = sumHigh;
                        int otherLowInfinite = lowInfinite, otherHighInfinite = highInfinite;
                        if (cj > 0)
                        {
                            otherLow -= cj * low[j];
                            if (bounded[j])
                            {
                                otherHigh -= cj * high[j];
                            }
                            else
                            {
                                otherHighInfinite--;
                            }
                        }
                        else
                        {
                            otherHigh -= cj * low[j];
                            if (bounded[j])
                            {
                                otherLow -= cj * high[j];
                            }
                            else
                            {
                                otherLowInfinite--;
                            }
                        }

                        // c_j·x_j = constant − others.
                        Int128? targetLow = otherHighInfinite > 0 ? null : constant - otherHigh;
                        Int128? targetHigh = otherLowInfinite > 0 ? null : constant - otherLow;
                        var newLow = cj > 0 ? Ceiling(targetLow, cj) : Ceiling(targetHigh, cj);
                        var newHigh = cj > 0 ? Floor(targetHigh, cj) : Floor(targetLow, cj);
                        if (newLow is { } nl && nl > low[j])
                        {
                            low[j] = nl;
                            narrowed = true;
                        }

                        if (newHigh is { } nh && (!bounded[j] || nh < high[j]))
                        {
                            (high[j], bounded[j]) = (nh, true);
                            narrowed = true;
                        }
                    }
                }

                if (!narrowed)
                {
                    break;
                }
            }

            return [.. Enumerable.Range(0, cells.Count).Where(u => bounded[u] && low[u] == high[u]).Select(u => (cells[u], low[u]))];
        }

        private static Int128? Ceiling(Int128? numerator, Int128 divisor) =>
            numerator is not { } n ? null : (n / divisor) + ((n % divisor != 0 && (n < 0) == (divisor < 0)) ? 1 : 0);

        private static Int128? Floor(Int128? numerator, Int128 divisor) =>
            numerator is not { } n ? null : (n / divisor) - ((n % divisor != 0 && (n < 0) != (divisor < 0)) ? 1 : 0);
    }
}
