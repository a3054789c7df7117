using FsCheck.Fluent;
using Genomics.Parquet.Encodings;

namespace Genomics.Parquet.Tests.Properties;

public class LevelRunsProperties
{
    private struct Collector : IRunVisitor
    {
        public List<(int Value, long Count)> Runs;

        public void Run(int value, long count) => Runs.Add((value, count));
    }

    [Fact]
    public void ForEachRun_slices_like_the_expanded_sequence()
    {
        // Runs with small values (so neighbours often repeat and merge) and counts including 0 (ignored).
        var adds = Gen.Zip(Gen.Choose(0, 4), Gen.Frequency((5, Gen.Choose(0, 12)), (1, Gen.Choose(13, 200)))).ArrayOf();
        var gen = adds.SelectMany(a =>
        {
            var total = a.Sum(x => x.Item2);
            return Gen.Choose(0, total).SelectMany(start => Gen.Choose(0, total - start).Select(len => (Adds: a, Start: start, Length: len)));
        });
        PropertyRunner.Check(gen, 300, t =>
        {
            var runs = new LevelRuns();
            var expanded = new List<int>();
            foreach (var (v, n) in t.Adds)
            {
                runs.Add(v, n);
                expanded.AddRange(Enumerable.Repeat(v, n));
            }

            Assert.Equal(expanded.Count, runs.Length);
            var c = new Collector { Runs = [] };
            runs.ForEachRun(t.Start, t.Length, ref c);
            var sliced = c.Runs.SelectMany(r => Enumerable.Repeat(r.Value, (int)r.Count)).ToList();
            Assert.Equal(expanded.GetRange(t.Start, t.Length), sliced);

            // Runs are maximal: no empty run and no two neighbours with the same value.
            Assert.All(c.Runs, r => Assert.True(r.Count > 0));
            for (var i = 1; i < c.Runs.Count; i++)
            {
                Assert.NotEqual(c.Runs[i - 1].Value, c.Runs[i].Value);
            }

            Assert.Equal(expanded.GetRange(t.Start, t.Length).Count(v => v < 2), runs.CountBelow(t.Start, t.Length, 2));
        });
    }
}
