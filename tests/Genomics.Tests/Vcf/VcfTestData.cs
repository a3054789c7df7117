namespace Genomics.Tests.Vcf;

/// <summary>Where the VCF test files are: copies under the repository's testdata/, and the shared folder beside the checkout.</summary>
internal static class VcfTestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>A file under the repository's testdata/.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, "testdata", relative);

    /// <summary>The VCF 4.3 conformance files of hts-specs (copied into testdata/ with their MANIFEST rows).</summary>
    public static string Conformance(string outcome, string name) => Path($"hts-specs/test/vcf/4.3/{outcome}/{name}");

    public static IEnumerable<string> ConformanceFiles(string outcome) =>
        Directory.EnumerateFiles(Path($"hts-specs/test/vcf/4.3/{outcome}"), "*.vcf").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Genomics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Genomics.sln above {AppContext.BaseDirectory}.");
    }
}
