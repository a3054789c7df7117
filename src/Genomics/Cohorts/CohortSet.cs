namespace Genomics.Cohorts;

/// <summary>
/// The cohorts of one run, resolved against the samples of the data: <c>ALL</c> first, then every <c>column=value</c>
/// of the cohorts file (columns in file order, values in ordinal order), each as the sample indexes it holds.
/// </summary>
public sealed class CohortSet
{
    /// <summary>The cohort every sample belongs to.</summary>
    public const string All = "ALL";

    private readonly int[][] members;
    private readonly int[][] cohortsOfSample;

    private CohortSet(int sampleCount, IReadOnlyList<string> names, int[][] members, int listedButAbsent, int listed)
    {
        SampleCount = sampleCount;
        Names = names;
        this.members = members;
        ListedButAbsent = listedButAbsent;
        Listed = listed;
        var perSample = new List<int>[sampleCount];
        for (var s = 0; s < sampleCount; s++)
        {
            perSample[s] = [];
        }

        for (var c = 0; c < members.Length; c++)
        {
            foreach (var s in members[c])
            {
                perSample[s].Add(c);
            }
        }

        cohortsOfSample = [.. perSample.Select(l => l.ToArray())];
    }

    /// <summary>Samples in the data (N).</summary>
    public int SampleCount { get; }

    /// <summary>Cohort names, <c>ALL</c> first.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of cohorts, <c>ALL</c> included.</summary>
    public int Count => Names.Count;

    /// <summary>Samples the cohorts file lists that the data does not have (reported, not an error).</summary>
    public int ListedButAbsent { get; }

    /// <summary>Samples the cohorts file lists (0 without a file).</summary>
    public int Listed { get; }

    /// <summary>Only <c>ALL</c>, over <paramref name="sampleCount"/> samples.</summary>
    public static CohortSet AllOnly(int sampleCount) =>
        new(sampleCount, [All], [Enumerable.Range(0, sampleCount).ToArray()], 0, 0);

    /// <summary>The cohorts of <paramref name="file"/> (or only <c>ALL</c> when null) over the data's <paramref name="sampleIds"/>.</summary>
    /// <exception cref="GenomicsFormatException">The data has the same sample ID twice while the cohorts file names it.</exception>
    public static CohortSet Resolve(CohortsFile? file, IReadOnlyList<string> sampleIds)
    {
        var n = sampleIds.Count;
        if (file is null)
        {
            return AllOnly(n);
        }

        var names = new List<string> { All };
        var members = new List<int[]> { Enumerable.Range(0, n).ToArray() };
        var present = new HashSet<string>(sampleIds, StringComparer.Ordinal);
        for (var column = 0; column < file.Columns.Count; column++)
        {
            var values = file.Values[column];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var lists = new List<int>[values.Count];
            for (var v = 0; v < values.Count; v++)
            {
                index[values[v]] = v;
                lists[v] = [];
            }

            for (var s = 0; s < n; s++)
            {
                if (file.ValueOf(sampleIds[s], column) is { } value)
                {
                    lists[index[value]].Add(s);
                }
            }

            for (var v = 0; v < values.Count; v++)
            {
                names.Add($"{file.Columns[column]}={values[v]}");
                members.Add([.. lists[v]]);
            }
        }

        var absent = file.SampleIds.Count(id => !present.Contains(id));
        return new CohortSet(n, names, [.. members], absent, file.SampleCount);
    }

    /// <summary>The sample indexes of cohort <paramref name="cohort"/>, ascending.</summary>
    public ReadOnlySpan<int> Members(int cohort) => members[cohort];

    /// <summary>The cohorts sample <paramref name="sample"/> belongs to, ascending (<c>ALL</c>, index 0, always among them).</summary>
    public ReadOnlySpan<int> CohortsOf(int sample) => cohortsOfSample[sample];

    /// <summary>The size of cohort <paramref name="cohort"/>.</summary>
    public int SizeOf(int cohort) => members[cohort].Length;
}
