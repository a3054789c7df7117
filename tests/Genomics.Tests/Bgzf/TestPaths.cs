namespace Genomics.Tests.Bgzf;

/// <summary>Finds the repository's testdata/ by walking up from the test assembly to the folder holding Genomics.sln.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Testdata => Path.Combine(RepositoryRoot, "testdata");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Genomics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Genomics.sln above {AppContext.BaseDirectory}");
    }
}
