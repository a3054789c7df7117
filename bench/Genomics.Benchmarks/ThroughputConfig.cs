using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Genomics.Benchmarks;

/// <summary>
/// Adds "MB/s" (input values or bytes per second, from the mean) and "bits/value" (output size) columns.
/// Benchmarks register their per-operation input size in GlobalSetup, keyed by their parameters.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    private static readonly ConcurrentDictionary<string, (long Units, double BitsPerValue)> Sizes = new();

    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(), new BitsColumn());
    }

    /// <summary>Records units (values or bytes) processed per operation and, optionally, output bits per unit.</summary>
    public static void Record(object benchmark, long unitsPerOperation, Func<double>? bitsPerUnit = null)
    {
        var key = Key(benchmark.GetType().Name, benchmark.GetType().GetProperties().Where(p => p.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.ParamsAttribute), true).Length > 0).Select(p => $"{p.Name}={p.GetValue(benchmark)}"));
        var bits = bitsPerUnit?.Invoke() ?? double.NaN;
        Sizes[key] = (unitsPerOperation, bits);
        File.AppendAllText(SizesFile, $"{key}\t{unitsPerOperation}\t{bits.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
    }

    // BenchmarkDotNet runs each case in a child process; the sizes travel back through a file.
    private static string SizesFile => Path.Combine(Path.GetTempPath(), "genomics-bench-sizes.tsv");

    private static string Key(string type, IEnumerable<string> parameters) => type + "(" + string.Join(",", parameters.Order()) + ")";

    private static (long Units, double Bits)? Lookup(BenchmarkCase c)
    {
        var key = Key(c.Descriptor.Type.Name, c.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
        if (File.Exists(SizesFile))
        {
            foreach (var line in File.ReadLines(SizesFile))
            {
                var parts = line.Split('\t');
                if (parts.Length == 3 && parts[0] == key)
                {
                    return (long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return Sizes.TryGetValue(key, out var v) ? v : null;
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Throughput";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Millions of input values (or bytes) per second, from the mean";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var size = Lookup(benchmarkCase);
            if (report?.ResultStatistics is null || size is null)
            {
                return "-";
            }

            var seconds = report.ResultStatistics.Mean / 1e9;
            return (size.Value.Units / 1e6 / seconds).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class BitsColumn : IColumn
    {
        public string Id => "BitsPerValue";

        public string ColumnName => "bits/value";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Output bits per input value";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var size = Lookup(benchmarkCase);
            return size is null || double.IsNaN(size.Value.Bits) ? "-" : size.Value.Bits.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
