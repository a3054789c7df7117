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
                for (var i = 0; i < matrix.Count; i++)
                {
                    if (i == pivotRow || T.IsZero(matrix[i][column]))
                    {
                        continue;
                    }

                    var (a, p) = (matrix[i][column], pivot[column]);
                    var row = matrix[i];
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
        /// with one possible value. A null high bound is ∞.
        /// </summary>
        private static List<(int Cell, Int128 Value)> Bounds(List<Equation> equations, Dictionary<int, Int128> known)
        {
            var low = new Dictionary<int, Int128>();
            var high = new Dictionary<int, Int128?>();
            foreach (var equation in equations)
            {
                foreach (var cell in equation.Cells)
                {
                    if (!known.ContainsKey(cell) && low.TryAdd(cell, 0))
                    {
                        high[cell] = null;
                    }
                }
            }

            for (var round = 0; round < BoundRounds; round++)
            {
                var narrowed = false;
                foreach (var equation in equations)
                {
                    var constant = equation.Constant;
                    for (var m = 0; m < equation.Cells.Length; m++)
                    {
                        if (known.TryGetValue(equation.Cells[m], out var value))
                        {
                            constant -= equation.Coefficients[m] * value;
                        }
                    }

                    for (var m = 0; m < equation.Cells.Length; m++)
                    {
                        var j = equation.Cells[m];
                        if (known.ContainsKey(j))
                        {
                            continue;
                        }

                        // c_j·x_j = constant − Σ_{i≠j} c_i·x_i; the sum's range from the other unknowns' intervals.
                        Int128 sumLow = 0;
                        Int128? sumHigh = 0;
                        var lowInfinite = false;
                        for (var i = 0; i < equation.Cells.Length; i++)
                        {
                            var k = equation.Cells[i];
                            if (i == m || known.ContainsKey(k))
                            {
                                continue;
                            }

                            var c = equation.Coefficients[i];
                            if (c > 0)
                            {
                                sumLow += c * low[k];
                                sumHigh = sumHigh is { } s && high[k] is { } h ? s + (c * h) : null;
                            }
                            else
                            {
                                lowInfinite |= high[k] is null;
                                sumLow += high[k] is { } h ? c * h : 0;
                                sumHigh = sumHigh is { } s ? s + (c * low[k]) : null;
                            }
                        }

                        var cj = equation.Coefficients[m];
                        Int128? targetLow = sumHigh is { } sh ? constant - sh : null;
                        Int128? targetHigh = lowInfinite ? null : constant - sumLow;
                        var newLow = cj > 0 ? Ceiling(targetLow, cj) : Ceiling(targetHigh, cj);
                        var newHigh = cj > 0 ? Floor(targetHigh, cj) : Floor(targetLow, cj);
                        if (newLow is { } nl && nl > low[j])
                        {
                            low[j] = nl;
                            narrowed = true;
                        }

                        if (newHigh is { } nh && (high[j] is not { } oh || nh < oh))
                        {
                            high[j] = nh;
                            narrowed = true;
                        }
                    }
                }

                if (!narrowed)
                {
                    break;
                }
            }

            return [.. low.Where(p => high[p.Key] == p.Value).Select(p => (p.Key, p.Value))];
        }

        private static Int128? Ceiling(Int128? numerator, Int128 divisor) =>
            numerator is not { } n ? null : (n / divisor) + ((n % divisor != 0 && (n < 0) == (divisor < 0)) ? 1 : 0);

        private static Int128? Floor(Int128? numerator, Int128 divisor) =>
            numerator is not { } n ? null : (n / divisor) - ((n % divisor != 0 && (n < 0) != (divisor < 0)) ? 1 : 0);
    }
}
