using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>The output side of convert and export-plink: existing targets, folders that are not datasets, success.</summary>
public sealed class CliOutputTests
{
    [Fact]
    public void Convert_to_an_existing_folder_fails_with_exit_2_and_leaves_it_untouched()
    {
        using var directory = new TemporaryDirectory();
        var target = Directory.CreateDirectory(directory.File("dataset")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "precious");
        Directory.CreateDirectory(Path.Combine(target, "variants"));
        var before = Listing(directory.FullPath);

        var result = CliRun.Run("convert", PlinkTestData.Path("bed-reader/small"), "--out", target);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: " + target, line, StringComparison.Ordinal);
        Assert.Contains("already exists", line, StringComparison.Ordinal);
        Assert.Equal(before, Listing(directory.FullPath));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "keep.txt")));
    }

    [Fact]
    public void Convert_to_an_existing_file_fails_with_exit_2_and_leaves_it_untouched()
    {
        using var directory = new TemporaryDirectory();
        var target = directory.File("dataset");
        File.WriteAllText(target, "not a folder");

        var result = CliRun.Run("convert", PlinkTestData.Path("bed-reader/small"), "--out", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(directory.FullPath));
        Assert.Equal("not a folder", File.ReadAllText(target));
    }

    [Fact]
    public void Export_of_a_folder_without_manifest_fails_with_exit_3_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        var dataset = directory.File("dataset");
        Assert.Equal(0, CliRun.Run("convert", PlinkTestData.Path("bed-reader/small"), "--out", dataset, "--quiet").ExitCode);
        // What an interrupted or hand-copied dataset looks like: the Parquet files without the manifest.
        File.Delete(Path.Combine(dataset, "manifest.json"));
        var output = Directory.CreateDirectory(directory.File("plink")).FullName;

        var result = CliRun.Run("export-plink", dataset, "--out", Path.Combine(output, "x"));

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: " + dataset, line, StringComparison.Ordinal);
        Assert.Contains("manifest.json", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void Export_of_an_empty_folder_fails_with_exit_3()
    {
        using var directory = new TemporaryDirectory();
        var empty = Directory.CreateDirectory(directory.File("empty")).FullName;
        var result = CliRun.Run("export-plink", empty, "--out", directory.File("x"));
        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Equal([empty], Directory.EnumerateFileSystemEntries(directory.FullPath));
    }

    [Fact]
    public void Export_of_a_dataset_with_a_truncated_part_fails_with_exit_4_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        var dataset = directory.File("dataset");
        Assert.Equal(0, CliRun.Run("convert", PlinkTestData.Path("bed-reader/some_missing"), "--out", dataset, "--quiet").ExitCode);
        var part = Path.Combine(dataset, "variants", "part-00000.parquet");
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);
        var output = Directory.CreateDirectory(directory.File("plink")).FullName;

        var result = CliRun.Run("export-plink", dataset, "--out", Path.Combine(output, "x"));

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: " + part, line, StringComparison.Ordinal);
        // The export writes to .partial files and removes them on failure.
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void Convert_without_out_is_a_usage_error()
    {
        var result = CliRun.Run("convert", PlinkTestData.Path("bed-reader/small"));
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData("bed-reader/small", null)]
    [InlineData("bed-reader/smallmode0", "calls")]
    [InlineData("golden/plink2/dummy_n7_m13", "calls")]
    [InlineData("golden/plink2/dummy_n33_m40", "dosage")]
    public void Convert_then_export_plink_succeed_and_give_back_the_text_files_and_genotypes(string fileset, string? genotypes)
    {
        using var directory = new TemporaryDirectory();
        var source = PlinkTestData.Path(fileset);
        var dataset = directory.File("dataset");
        string[] convert = ["convert", source + ".bim", "--out", dataset];
        var converted = CliRun.Run(genotypes is null ? convert : [.. convert, "--genotypes", genotypes]);
        Assert.Equal(0, converted.ExitCode);
        Assert.StartsWith("wrote " + dataset, Assert.Single(converted.ErrorLines), StringComparison.Ordinal);
        Assert.Contains($"\"genotypes\": \"{genotypes ?? "dosage"}\"", File.ReadAllText(Path.Combine(dataset, "manifest.json")), StringComparison.Ordinal);

        var exported = CliRun.Run("export-plink", dataset, "--out", directory.File("back"), "--quiet");
        Assert.Equal((0, ""), (exported.ExitCode, exported.StandardError));
        Assert.Equal(File.ReadAllBytes(source + ".fam"), File.ReadAllBytes(directory.File("back.fam")));
        Assert.Equal(File.ReadAllBytes(source + ".bim"), File.ReadAllBytes(directory.File("back.bim")));
        var bed = File.ReadAllBytes(directory.File("back.bed"));
        Assert.Equal([0x6c, 0x1b, 0x01], bed[..3]);
        if (File.ReadAllBytes(source + ".bed")[2] == 0x01)
        {
            Assert.Equal(File.ReadAllBytes(source + ".bed"), bed);
        }
    }

    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => Directory.Exists(p) ? p + "/" : $"{p} {File.ReadAllText(p)} {File.GetLastWriteTimeUtc(p):O}")];
}
