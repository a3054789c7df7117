using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Writing;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>The flat-column fast path of <see cref="ShreddedColumn.Shred"/> against the general per-row walk.</summary>
public class ShreddedColumnProperties
{
    /// <summary>Validity masks: none, all valid, all null, or mixed with runs of either kind.</summary>
    private static Gen<bool[]?> Masks(int n) => Gen.Frequency(
        (1, Gen.Constant<bool[]?>(null)),
        (1, Gen.Constant<bool[]?>(Enumerable.Repeat(true, n).ToArray())),
        (1, Gen.Constant<bool[]?>(new bool[n])),
        (3, Gen.Elements(true, false).ArrayOf(n).Select(a => (bool[]?)a)),
        (3, Gen.Zip(Gen.Choose(1, 6), Gen.Choose(0, 1000)).Select(t =>
        {
            // Runs: long stretches of one kind, as counts suppressed for whole sites give.
            var rng = new Random(t.Item2);
            var a = new bool[n];
            var v = rng.Next(2) == 0;
            for (var i = 0; i < n; i++)
            {
                if (rng.Next(t.Item1 * 3) == 0)
                {
                    v = !v;
                }

                a[i] = v;
            }

            return (bool[]?)a;
        })));

    private static Gen<(int N, bool[]? Mask, bool Nullable)> Cases { get; } =
        Gen.Frequency((1, Gen.Choose(0, 3)), (3, Gen.Choose(0, 300)))
            .SelectMany(n => Gen.Zip(Masks(n), Gen.Elements(true, false)).Select(t => (n, t.Item1, t.Item2)));

    [Fact]
    public void Flat_int64_columns_shred_as_the_general_walk_does()
    {
        PropertyRunner.Check(Cases, 400, c =>
        {
            var values = Enumerable.Range(0, c.N).Select(i => (long)i * 7).ToArray();
            var array = new PrimitiveArray<long>(values, Validity(c.Mask));
            AssertSameShredding(ParquetField.Primitive("x", ParquetValueType.Int64, nullable: c.Nullable), array);
        });
    }

    [Fact]
    public void Flat_string_columns_shred_as_the_general_walk_does()
    {
        PropertyRunner.Check(Cases, 300, c =>
        {
            var strings = Enumerable.Range(0, c.N).Select(i => c.Mask is null || c.Mask[i] ? "s" + (i % 5) : null).ToArray();
            var array = BinaryArray.FromStrings(strings);
            AssertSameShredding(ParquetField.Primitive("s", ParquetValueType.String, nullable: c.Nullable), array);
        });
    }

    [Fact]
    public void A_reused_shredder_forgets_the_previous_chunk()
    {
        // Writers keep one ShreddedColumn per column across row groups: a chunk with nulls then one without (and the
        // reverse) must each shred as if fresh.
        PropertyRunner.Check(Gen.Zip(Cases, Cases), 200, t =>
        {
            var field = ParquetField.Primitive("x", ParquetValueType.Int64, nullable: true);
            var reused = new ShreddedColumn(new ColumnPath(field));
            foreach (var c in new[] { t.Item1, t.Item2 })
            {
                var array = new PrimitiveArray<long>(new long[c.N], Validity(c.Mask));
                reused.Shred(array);
                var general = new ShreddedColumn(new ColumnPath(field));
                general.ShredNested(array);
                AssertEqual(general, reused);
            }
        });
    }

    // A null array would convert to an empty mask, not to no mask.
    private static ReadOnlyMemory<bool>? Validity(bool[]? mask) => mask is null ? (ReadOnlyMemory<bool>?)null : mask.AsMemory();

    private static void AssertSameShredding(ParquetField field, ColumnArray array)
    {
        var fast = new ShreddedColumn(new ColumnPath(field));
        fast.Shred(array);
        var general = new ShreddedColumn(new ColumnPath(field));
        general.ShredNested(array);
        AssertEqual(general, fast);
        Assert.Equal(array.Length, fast.RowCount);
        Assert.Equal(array.Length - array.NullCount, fast.ValueCount);
    }

    private static void AssertEqual(ShreddedColumn expected, ShreddedColumn actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ValueCount, actual.ValueCount);
        Assert.Equal(expected.LevelCount, actual.LevelCount);
        Assert.Same(expected.Leaf, actual.Leaf);
        for (var r = 0; r <= expected.RowCount; r++)
        {
            Assert.Equal(expected.RowLevelStart(r), actual.RowLevelStart(r));
            Assert.Equal(expected.RowValueStart(r), actual.RowValueStart(r));
        }

        Assert.Equal(Runs(expected.Repetition), Runs(actual.Repetition));
        Assert.Equal(Runs(expected.Definition), Runs(actual.Definition));
        Assert.Equal(expected.Repetition.RunCount, actual.Repetition.RunCount);
        Assert.Equal(expected.Definition.RunCount, actual.Definition.RunCount);

        // Value slices over every window a page could ask for (row-aligned starts, any length).
        for (var r = 0; r < expected.RowCount; r += Math.Max(1, expected.RowCount / 7))
        {
            var start = expected.RowValueStart(r);
            var count = expected.ValueCount - start;
            Assert.Equal(expected.ValueSlices(start, count).ToList(), actual.ValueSlices(start, count).ToList());
            Assert.Equal(expected.ValueSlices(start, count / 2).ToList(), actual.ValueSlices(start, count / 2).ToList());
        }
    }

    private static List<(int Value, long Count)> Runs(LevelRuns runs)
    {
        var collector = new RunCollector { Runs = [] };
        runs.ForEachRun(0, runs.Length, ref collector);
        return collector.Runs;
    }

    private struct RunCollector : IRunVisitor
    {
        public List<(int Value, long Count)> Runs;

        public void Run(int value, long count) => Runs.Add((value, count));
    }
}
