using BenchmarkDotNet.Configs;

namespace Genomics.Benchmarks.Genotypes;

/// <summary>Adds the genotypes-per-second column to the default report.</summary>
public class GenotypeThroughputConfig : ManualConfig
{
    public GenotypeThroughputConfig()
    {
        AddColumn(new GenotypesPerSecondColumn());
    }
}
