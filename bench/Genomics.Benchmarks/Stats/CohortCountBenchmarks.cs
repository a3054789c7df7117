using BenchmarkDotNet.Attributes;
using Genomics.Benchmarks.Genotypes;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Stats;
using Genomics.Stats.Kernels;

namespace Genomics.Benchmarks.Stats;

/// <summary>
/// One packed row counted for ALL plus K cohorts per operation, for every level of the cohort code counter, and the
/// exact HWE test at the ALL cohort's size. The genotypes/s column divides the sample count by the mean time, so the
/// cost of more cohorts shows as a lower rate.
/// </summary>
[Config(typeof(GenotypeThroughputConfig))]
public class CohortCountBenchmarks
{
    private byte[] row = [];
    private byte[] masks = [];
    private int stride;
    private CodePlaneCounts[] counts = [];
    private ICohortCodeCounter counter = null!;

    public static IEnumerable<SimdLevel> Levels => CohortCodeKernels.SupportedLevels;

    [ParamsSource(nameof(Levels))]
    public SimdLevel Level { get; set; }

    [Params(10_000)]
    public int Samples { get; set; }

    [Params(0, 8)]
    public int Cohorts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        row = new byte[PackedGenotypes.BytesPerRow(Samples)];
        random.NextBytes(row);
        stride = (row.Length + 63) & ~63;
        masks = new byte[(Cohorts + 1) * stride];
        for (var s = 0; s < Samples; s++)
        {
            // ALL, and one of K cohorts per sample: the masks of a cohort column.
            masks[s >> 2] |= (byte)(0b11 << ((s & 3) << 1));
            if (Cohorts > 0)
            {
                masks[((1 + random.Next(Cohorts)) * stride) + (s >> 2)] |= (byte)(0b11 << ((s & 3) << 1));
            }
        }

        counts = new CodePlaneCounts[Cohorts + 1];
        counter = CohortCodeKernels.Create(Level);
    }

    [Benchmark]
    public void CountRow()
    {
        Array.Clear(counts);
        counter.Count(row, masks, stride, counts);
    }

    [Benchmark]
    public double? HardyWeinbergExact() => HardyWeinberg.ExactP(Samples / 4, Samples / 2, Samples / 4);
}
