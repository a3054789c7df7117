using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Genomics.Benchmarks.Bgzf;

/// <summary>MB/s of inflated output (10^6 bytes per second), from the benchmark's mean time and the input's inflated size.</summary>
internal sealed class InflatedThroughputColumn : IColumn
{
    public string Id => nameof(InflatedThroughputColumn);

    public string ColumnName => "Inflated MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Inflated output in 10^6 bytes per second of mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics || !File.Exists(BgzfBenchmarkInput.Path))
        {
            return "-";
        }

        var seconds = statistics.Mean / 1e9;
        var megabytes = BgzfBenchmarkInput.InflatedLength(BgzfBenchmarkInput.Path) / 1e6;
        return (megabytes / seconds).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
