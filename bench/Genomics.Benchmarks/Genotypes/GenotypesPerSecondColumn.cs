using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Genomics.Benchmarks.Genotypes;

/// <summary>Samples per operation divided by the mean time: the throughput number the kernels are judged by.</summary>
public class GenotypesPerSecondColumn : IColumn
{
    public string Id => nameof(GenotypesPerSecondColumn);

    public string ColumnName => "Genotypes/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Genotypes (samples of one row) handled per second, from the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var samples = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Samples")?.Value;
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (samples is not int n || meanNanoseconds is not double mean || mean <= 0)
        {
            return "-";
        }

        return (n / (mean * 1e-9) / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " G";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
