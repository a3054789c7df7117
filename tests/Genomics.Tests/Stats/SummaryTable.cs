using System.Globalization;
using Genomics.Stats;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Stats;

/// <summary>Runs <see cref="Summarizer"/> into a temporary .tsv and reads the rows back (which also checks the text writer).</summary>
internal static class SummaryTable
{
    public static List<CohortAlleleSummary> Run(string input, SummaryOptions? options = null)
    {
        using var dir = new TemporaryDirectory();
        var output = dir.File("summary.tsv");
        Summarizer.Run(input, output, options ?? new SummaryOptions { Threads = 2 });
        return Read(output);
    }

    public static List<CohortAlleleSummary> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal(string.Join('\t', SummaryWriter.ColumnNames), lines[0]);
        return [.. lines.Skip(1).Select(Parse)];
    }

    private static CohortAlleleSummary Parse(string line)
    {
        var f = line.Split('\t');
        Assert.Equal(SummaryWriter.ColumnNames.Count, f.Length);
        return new CohortAlleleSummary
        {
            VariantIndex = long.Parse(f[0], CultureInfo.InvariantCulture),
            Contig = f[1],
            Pos = long.Parse(f[2], CultureInfo.InvariantCulture),
            Id = f[3].Length == 0 ? null : f[3],
            Ref = f[4],
            Alt = f[5].Length == 0 ? null : f[5],
            AlleleIndex = int.Parse(f[6], CultureInfo.InvariantCulture),
            Cohort = f[7],
            NSamples = Long(f[8]),
            NCalled = Long(f[9]),
            NMissing = Long(f[10]),
            Ac = Long(f[11]),
            An = Long(f[12]),
            Af = Double(f[13]),
            NHomRef = Long(f[14]),
            NHet = Long(f[15]),
            NHomAlt = Long(f[16]),
            NHemiRef = Long(f[17]),
            NHemiAlt = Long(f[18]),
            Carriers = Long(f[19]),
            HweP = Double(f[20]),
        };
    }

    private static long? Long(string s) => s.Length == 0 ? null : long.Parse(s, CultureInfo.InvariantCulture);

    private static double? Double(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
}
