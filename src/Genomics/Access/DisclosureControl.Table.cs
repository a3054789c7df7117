namespace Genomics.Access;

/// <summary>One variant (all its ALT alleles): its cells, the relations between them, and the suppression loop.</summary>
public sealed partial class DisclosureControl
{
    private sealed class Table
    {
        /// <summary>Cells per row: the 11 count columns, then ref = an − ac.</summary>
        public const int Fields = 12;
        private const int NSamples = 0, NCalled = 1, NMissing = 2, Ac = 3, An = 4, HomRef = 5, Het = 6, HomAlt = 7, HemiRef = 8, HemiAlt = 9, Carriers = 10, Ref = 11;

        private readonly ReleaseRow[] rows;
        private readonly int threshold;
        private readonly long?[] values;
        private readonly bool[] real;
        private readonly bool[] suppressed;
        private readonly bool[] linked;
        private readonly List<string> remainderNames = [];
        private HashSet<LinkKey> known = [];
        private bool[]? lastExposed;
        private readonly List<Relation> relations = [];
        private readonly List<int>[] relationsOf;
        private bool needsWork;

        public Table(ReleaseRow[] rows, int threshold)
        {
            this.rows = rows;
            this.threshold = threshold;
            if (rows.Select(r => (r.AlleleIndex, r.Cohort)).Distinct().Count() != rows.Length)
            {
                throw new ArgumentException($"variant {rows[0].VariantIndex} lists a cohort twice for one allele", nameof(rows));
            }

            // Per allele, cohorts "COLUMN=VALUE" of one column partition ALL up to an unlisted remainder, which gets a
            // row of its own (ALL row index, member row indexes).
            var partitions = new List<(int All, int[] Members)>();
            foreach (var allele in rows.Select((r, i) => i).GroupBy(i => rows[i].AlleleIndex))
            {
                var all = allele.FirstOrDefault(i => rows[i].Cohort == ReleaseRow.AllCohort, -1);
                if (all >= 0)
                {
                    foreach (var column in allele.Where(i => i != all).GroupBy(i => rows[i].Cohort.Split('=', 2)[0], StringComparer.Ordinal))
                    {
                        partitions.Add((all, column.ToArray()));
                        remainderNames.Add(column.Key + "=\0unlisted");
                    }
                }
            }

            var rowCount = rows.Length + partitions.Count;
            values = new long?[rowCount * Fields];
            real = new bool[values.Length];
            suppressed = new bool[values.Length];
            linked = new bool[values.Length];
            relationsOf = new List<int>[values.Length];
            for (var i = 0; i < relationsOf.Length; i++)
            {
                relationsOf[i] = [];
            }

            for (var r = 0; r < rows.Length; r++)
            {
                for (var f = 0; f < Ref; f++)
                {
                    values[Cell(r, f)] = rows[r].Count(f);
                    real[Cell(r, f)] = rows[r].Count(f) is not null;
                }

                values[Cell(r, Ref)] = values[Cell(r, An)] - values[Cell(r, Ac)];
            }

            for (var k = 0; k < partitions.Count; k++)
            {
                var (all, members) = partitions[k];
                var remainder = rows.Length + k;
                for (var f = 0; f < Fields; f++)
                {
                    long? rest = values[Cell(all, f)];
                    foreach (var member in members)
                    {
                        rest -= values[Cell(member, f)];
                    }

                    values[Cell(remainder, f)] = rest;
                    Add([.. members.Select(m => (Cell(m, f), 1L)), (Cell(remainder, f), 1), (Cell(all, f), -1)]);
                }
            }

            // The ALTs of one site share the per-participant numbers: a copy published for one ALT gives another's.
            foreach (var cohort in rows.Select((r, i) => i).GroupBy(i => rows[i].Cohort, StringComparer.Ordinal))
            {
                var copies = cohort.ToArray();
                for (var c = 1; c < copies.Length; c++)
                {
                    foreach (var f in (ReadOnlySpan<int>)[NSamples, NCalled, NMissing, An])
                    {
                        Add([(Cell(copies[0], f), 1), (Cell(copies[c], f), -1)]);
                    }
                }
            }

            for (var r = 0; r < rowCount; r++)
            {
                AddRowRelations(r);
            }

            needsWork = Enumerable.Range(0, values.Length).Any(Sensitive);
        }

        private static int Cell(int row, int field) => (row * Fields) + field;

        private bool Published(int cell) => real[cell] && !suppressed[cell];

        private bool Sensitive(int cell) => values[cell] is { } v && v >= 1 && v <= threshold;

        private void AddRowRelations(int r)
        {
            int C(int f) => Cell(r, f);
            Add([(C(HomRef), 1), (C(Het), 1), (C(HomAlt), 1), (C(HemiRef), 1), (C(HemiAlt), 1), (C(NMissing), 1), (C(NSamples), -1)]);
            Add([(C(NCalled), 1), (C(NMissing), 1), (C(NSamples), -1)]);
            Add([(C(HomRef), 1), (C(Het), 1), (C(HomAlt), 1), (C(HemiRef), 1), (C(HemiAlt), 1), (C(NCalled), -1)]);
            Add([(C(Ac), 1), (C(Ref), 1), (C(An), -1)]);
            Add([(C(Het), 1), (C(HomAlt), 2), (C(HemiAlt), 1), (C(Ac), -1)]);
            Add([(C(Carriers), 1), (C(Het), -1), (C(HomAlt), -1), (C(HemiAlt), -1)]);
            Add([(C(HomRef), 2), (C(Het), 2), (C(HomAlt), 2), (C(HemiRef), 1), (C(HemiAlt), 1), (C(An), -1)]);
            Add([(C(HomRef), 2), (C(Het), 1), (C(HemiRef), 1), (C(Ref), -1)]);
        }

        /// <summary>Keeps a relation only when every member has a value and it holds exactly.</summary>
        private void Add((int Cell, long Coefficient)[] members)
        {
            long sum = 0;
            foreach (var (cell, coefficient) in members)
            {
                if (values[cell] is not { } v)
                {
                    return;
                }

                sum += coefficient * v;
            }

            if (sum != 0)
            {
                return;
            }

            var index = relations.Count;
            relations.Add(new Relation([.. members.Select(m => m.Cell)], [.. members.Select(m => m.Coefficient)]));
            foreach (var (cell, _) in members)
            {
                relationsOf[cell].Add(index);
            }
        }

        /// <summary>
        /// Primary suppression, forced links, then complementary suppression until no sensitive or linked count is
        /// exposed. Returns whether a cell was suppressed.
        /// </summary>
        public bool Suppress(HashSet<LinkKey> forced, HashSet<LinkKey> knownElsewhere)
        {
            var changed = !known.SetEquals(knownElsewhere);
            known = [.. knownElsewhere];
            var suppressedAny = false;
            for (var cell = 0; cell < values.Length; cell++)
            {
                var linked = Link(cell) is { } key && forced.Contains(key);
                if (linked && !this.linked[cell])
                {
                    // A copy of this number is suppressed elsewhere: it must be neither published nor derivable here.
                    this.linked[cell] = true;
                    changed = true;
                }

                if (real[cell] && !suppressed[cell] && (Sensitive(cell) || linked))
                {
                    suppressed[cell] = true;
                    changed = true;
                    suppressedAny = true;
                }
            }

            if (!needsWork && !changed)
            {
                return false;
            }

            needsWork = false;
            lastExposed = null;
            while (true)
            {
                // One solve, then a complement for every exposed cell at once: solves are the cost, and a complement
                // chosen for one cell often protects its neighbours too, which the next solve confirms.
                var exposed = Exposed();
                var fixes = new HashSet<int>();
                for (var cell = 0; cell < values.Length; cell++)
                {
                    if (exposed[cell] && (Sensitive(cell) || linked[cell]))
                    {
                        var fix = Complement(cell);
                        fixes.Add(fix >= 0 ? fix : throw new InvalidOperationException(
                            $"disclosure control cannot protect cell {cell} of variant {rows[0].VariantIndex}: no published cell is related to it"));
                    }
                }

                if (fixes.Count == 0 && Solver.RevealsSizes(values, Unknown, relations, IsSize, out var sizes))
                {
                    // Hide more of what ties the sizes to this variant's counts (n_called, n_missing, …), not the
                    // size relations themselves, which every variant shares.
                    foreach (var size in sizes)
                    {
                        if (Complement(size, relation => !relations[relation].Cells.All(IsSize)) is var fix and >= 0)
                        {
                            fixes.Add(fix);
                        }
                    }

                    if (fixes.Count == 0)
                    {
                        throw new InvalidOperationException($"disclosure control cannot keep the cohort sizes of variant {rows[0].VariantIndex} hidden");
                    }
                }

                if (fixes.Count == 0)
                {
                    lastExposed = exposed;
                    return suppressedAny;
                }

                foreach (var fix in fixes)
                {
                    suppressed[fix] = true;
                }

                suppressedAny = true;
            }
        }

        /// <summary>
        /// The cell to suppress next for an exposed cell: the smallest non-zero published member of its relations;
        /// failing that, of the relations of their unknown members, and so on; a published zero as the last resort.
        /// </summary>
        private int Complement(int exposed, Func<int, bool>? useRelation = null)
        {
            var visited = new HashSet<int> { exposed };
            var frontier = new List<int> { exposed };
            var zero = -1;
            while (frontier.Count > 0)
            {
                var best = -1;
                var next = new List<int>();
                foreach (var cell in frontier)
                {
                    foreach (var relation in relationsOf[cell])
                    {
                        if (useRelation is not null && !useRelation(relation))
                        {
                            continue;
                        }

                        foreach (var member in relations[relation].Cells)
                        {
                            if (!visited.Add(member))
                            {
                                continue;
                            }

                            if (!Published(member))
                            {
                                next.Add(member);
                            }
                            else if (values[member] == 0)
                            {
                                zero = zero < 0 ? member : Math.Min(zero, member);
                            }
                            else if (best < 0 || values[member] < values[best] || (values[member] == values[best] && member < best))
                            {
                                best = member;
                            }
                        }
                    }
                }

                if (best >= 0)
                {
                    return best;
                }

                frontier = next;
            }

            return zero;
        }

        /// <summary>Unknown: neither published here nor known from another variant (a cohort size is one number everywhere).</summary>
        private bool[] Exposed() => Solver.Exposed(values, Unknown, relations);

        private bool Unknown(int cell) => !Published(cell) && !KnownElsewhere(cell);

        private static bool IsSize(int cell) => cell % Fields == NSamples;

        /// <summary>
        /// A cohort size another variant publishes or gives away. Never assumed for a sensitive or linked cell (those
        /// must be shown underivable), nor for one suppressed here (its suppression spreads to every variant).
        /// </summary>
        private bool KnownElsewhere(int cell) =>
            Link(cell) is { } key && known.Contains(key) && !Sensitive(cell) && !linked[cell] && !suppressed[cell];

        /// <summary>The link of a cohort's (or a column's unlisted remainder's) n_samples, the same number in every variant.</summary>
        private LinkKey? Link(int cell)
        {
            var (row, field) = (cell / Fields, cell % Fields);
            if (field != NSamples || values[cell] is not { } value)
            {
                return null;
            }

            return new LinkKey(field, row < rows.Length ? rows[row].Cohort : remainderNames[row - rows.Length], -1, value);
        }

        /// <summary>The cohort sizes an attacker learns from this variant: published or exposed n_samples (remainders included).</summary>
        public IEnumerable<LinkKey> KnownLinks()
        {
            var exposed = lastExposed ??= Exposed();
            for (var cell = 0; cell < values.Length; cell += Fields)
            {
                if ((Published(cell) || exposed[cell] || KnownElsewhere(cell)) && Link(cell) is { } key)
                {
                    yield return key;
                }
            }
        }

        public IEnumerable<LinkKey> SuppressedLinks()
        {
            for (var cell = 0; cell < values.Length; cell++)
            {
                if (real[cell] && suppressed[cell] && Link(cell) is { } key)
                {
                    yield return key;
                }
            }
        }

        /// <summary>Row <paramref name="k"/> as released: suppressed counts null, af and hwe_p by their rules, the suppressed list.</summary>
        public ReleaseRow Released(int k)
        {
            bool Hidden(int f) => suppressed[Cell(k, f)];
            var row = rows[k];
            var hideAf = row.Af is not null && (Hidden(Ac) || Hidden(An));
            var hideHwe = row.HweP is not null && (Hidden(HomRef) || Hidden(Het) || Hidden(HomAlt));
            var names = new List<string>();
            for (var f = 0; f < Ref; f++)
            {
                if (Hidden(f))
                {
                    names.Add(ReleaseRow.CountColumns[f]);
                }
            }

            if (hideAf)
            {
                names.Add("af");
            }

            if (hideHwe)
            {
                names.Add("hwe_p");
            }

            return row.WithoutCounts(Hidden) with
            {
                Af = hideAf ? null : row.Af,
                HweP = hideHwe ? null : row.HweP,
                Suppressed = names,
            };
        }
    }

    /// <summary>Σ coefficient·cell = 0 over the member cells.</summary>
    private sealed record Relation(int[] Cells, long[] Coefficients);
}
