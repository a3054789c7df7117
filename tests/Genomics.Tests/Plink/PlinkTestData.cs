namespace Genomics.Tests.Plink;

/// <summary>Finds the repository's testdata/ folder by walking up to the directory that holds Genomics.sln.</summary>
internal static class PlinkTestData
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>Every mode-1 fileset copied from shared testdata, by prefix relative to testdata/.</summary>
    public static TheoryData<string> VariantMajorFilesets => new()
    {
        "bed-reader/plink_sim_10s_100v_10pmiss",
        "bed-reader/small",
        "bed-reader/some_missing",
        "bed-reader/sparse",
        "bio2zarr/example",
        "bio2zarr/example_with_fam",
        "bio2zarr/plink_sim_10s_100v_10pmiss",
        "pandas-plink/data",
    };

    public static string Path(string relative) => System.IO.Path.Combine(RootDirectory.Value, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Genomics.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, "testdata");
            }
        }

        throw new InvalidOperationException($"No Genomics.sln above {AppContext.BaseDirectory}; cannot find testdata/.");
    }
}
