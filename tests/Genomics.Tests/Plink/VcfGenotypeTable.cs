namespace Genomics.Tests.Plink;

/// <summary>
/// The GT of every sample of a small uncompressed VCF, parsed as simply as possible for cross-checking: REF, ALT and
/// the first FORMAT field of each sample column (the test files put GT first).
/// </summary>
internal sealed class VcfGenotypeTable
{
    private VcfGenotypeTable(IReadOnlyList<string> samples, IReadOnlyList<VcfSite> sites)
    {
        Samples = samples;
        Sites = sites;
    }

    public IReadOnlyList<string> Samples { get; }

    public IReadOnlyList<VcfSite> Sites { get; }

    public static VcfGenotypeTable Read(string path)
    {
        IReadOnlyList<string> samples = [];
        var sites = new List<VcfSite>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (line.StartsWith('#'))
            {
                samples = fields[9..];
                continue;
            }

            if (!fields[8].StartsWith("GT", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path}: GT is not the first FORMAT field in: {line}");
            }

            var genotypes = fields[9..].Select(s => s.Split(':')[0]).ToArray();
            sites.Add(new VcfSite(fields[0], long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[3], fields[4], genotypes));
        }

        return new VcfGenotypeTable(samples, sites);
    }
}
