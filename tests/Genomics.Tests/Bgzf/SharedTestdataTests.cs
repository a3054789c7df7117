using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

/// <summary>Every compressed file under testdata/ decompresses to exactly what gzip -dc gives, whatever the threads or backend.</summary>
public class SharedTestdataTests
{
    public static TheoryData<string> CompressedFiles() => [.. RelativePaths()];

    private static List<string> RelativePaths() =>
        [.. Directory.EnumerateFiles(TestPaths.Testdata, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".gz", StringComparison.Ordinal) || p.EndsWith(".bgz", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(TestPaths.Testdata, p))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Testdata_holds_the_shared_compressed_files_with_manifest_rows()
    {
        var files = RelativePaths();
        Assert.True(files.Count >= 20, $"only {files.Count} compressed files under testdata/");
        var manifest = File.ReadAllLines(Path.Combine(TestPaths.Testdata, "MANIFEST.tsv"));
        Assert.StartsWith("path\tsource_repo\tsource_path\tcommit\tlicense\t", manifest[0], StringComparison.Ordinal);
        var listed = manifest.Skip(1).Select(line => line.Split('\t')[0]).ToHashSet();
        Assert.All(files, f => Assert.Contains(f.Replace('\\', '/'), listed));
    }

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void Decompresses_to_what_gzip_gives(string relativePath)
    {
        var file = File.ReadAllBytes(Path.Combine(TestPaths.Testdata, relativePath));
        var expected = TestInput.Sha256(TestInput.ReferenceGunzip(file));
        foreach (var options in TestInput.AllOptions())
        {
            Assert.Equal(expected, TestInput.Sha256(TestInput.ReadAll(file, options)));
        }
    }

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void Opens_from_disk_as_bgzf(string relativePath)
    {
        var path = Path.Combine(TestPaths.Testdata, relativePath);
        using var input = DecompressedInput.Open(path, new BgzfReaderOptions { Threads = 2 });
        Assert.Equal(CompressionFormat.Bgzf, input.Format);
        using var output = new MemoryStream();
        input.Stream.CopyTo(output);
        Assert.Equal(TestInput.Sha256(TestInput.ReferenceGunzip(File.ReadAllBytes(path))), TestInput.Sha256(output.ToArray()));
    }

    [Fact]
    public void Matches_gzip_command_line_tool_when_installed()
    {
        if (!ExternalTool.Exists("gzip"))
        {
            return;
        }

        foreach (var relative in RelativePaths())
        {
            var path = Path.Combine(TestPaths.Testdata, relative);
            var expected = ExternalTool.Run("gzip", ["-dc", path]);
            Assert.Equal(TestInput.Sha256(expected), TestInput.Sha256(TestInput.ReadAll(File.ReadAllBytes(path))));
        }
    }
}
