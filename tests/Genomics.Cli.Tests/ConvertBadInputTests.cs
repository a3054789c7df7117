using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>
/// Bad PLINK input through <c>genomics convert</c>: exactly one stderr line naming the file, the documented exit
/// code (README: 3 not recognised, 4 truncated, 6 malformed, 7 inputs disagree), and nothing left at --out.
/// </summary>
public sealed class ConvertBadInputTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in new[] { "badfile.bed", "smallmodebad.bed", "small_too_short.bed", "empty.bed", "bed_cut_in_header", "small.bim_bad_positions.bim", "bim_position_not_an_integer", "fam_with_5_columns", "bim_one_line_short", "fam_one_sample_more" })
            {
                data.Add(name, "dosage");
                data.Add(name, "calls");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_fileset_fails_with_one_line_its_exit_code_and_no_output(string name, string genotypes)
    {
        using var directory = new TemporaryDirectory();
        var input = Directory.CreateDirectory(directory.File("in")).FullName;
        var outFolder = Directory.CreateDirectory(directory.File("out")).FullName;
        var prefix = Path.Combine(input, "x");
        var (badExtension, code, reason) = Prepare(name, prefix);
        var inputBefore = Snapshot(input);

        var result = CliRun.Run("convert", prefix + ".bed", "--out", Path.Combine(outFolder, "dataset"), "--genotypes", genotypes);

        Assert.Equal(code, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: " + prefix + badExtension, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
        // No dataset and no hidden .partial folder beside it; the input folder is as it was.
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
        Assert.Equal(inputBefore, Snapshot(input));
    }

    /// <summary>Writes the fileset x.* for a case: the bad file with good partners. Returns the bad file's extension, exit code and a phrase of the reason.</summary>
    private static (string BadExtension, int ExitCode, string Reason) Prepare(string name, string prefix)
    {
        void Copy(string source, string extension) => File.Copy(PlinkTestData.Path(source), prefix + extension);
        void Small(params string[] extensions)
        {
            foreach (var extension in extensions)
            {
                Copy("bed-reader/small" + extension, extension);
            }
        }

        switch (name)
        {
            case "badfile.bed":
                Copy("bed-reader/badfile.bed", ".bed");
                Small(".bim", ".fam");
                return (".bed", 3, "expected 0x6c 0x1b");
            case "smallmodebad.bed":
                Copy("bed-reader/smallmodebad.bed", ".bed");
                Small(".bim", ".fam");
                return (".bed", 6, "unknown mode byte 0x30");
            case "small_too_short.bed":
                Copy("bed-reader/small_too_short.bed", ".bed");
                Copy("bed-reader/small_too_short.bim", ".bim");
                Copy("bed-reader/small_too_short.fam", ".fam");
                return (".bed", 7, "size is 6 bytes but 3 + 4 variants (.bim) × 1 bytes per variant for 3 samples (.fam) = 7 bytes were expected");
            case "empty.bed":
                Copy("bed-reader/empty.bed", ".bed");
                Small(".bim", ".fam");
                return (".bed", 3, "file is empty");
            case "bed_cut_in_header":
                File.WriteAllBytes(prefix + ".bed", [0x6c, 0x1b]);
                Small(".bim", ".fam");
                return (".bed", 4, "before the mode byte");
            case "small.bim_bad_positions.bim":
                // Same line count as small.bim, so the .bed size agrees and the bad line is met while converting.
                // Its line 2 reads "1 sid2 X 100.0 T C": the cM column comes first, then the position "100.0".
                Copy("bed-reader/small.bim_bad_positions.bim", ".bim");
                Small(".bed", ".fam");
                return (".bim:2", 6, "column 3 (centimorgans) 'X' is not a number");
            case "bim_position_not_an_integer":
                Small(".bed", ".fam");
                File.WriteAllText(prefix + ".bim", File.ReadAllText(PlinkTestData.Path("bed-reader/small.bim")).Replace("\t100\t", "\t100.0\t", StringComparison.Ordinal));
                return (".bim:2", 6, "column 4 (base-pair position) '100.0' is not a non-negative integer");
            case "fam_with_5_columns":
                Small(".bed", ".bim");
                File.WriteAllText(prefix + ".fam", "fid1 iid1 0 0 1 1\nfid1 iid2 iid23 iid34 2\nfid2 iid3 0 0 1 2\n");
                return (".fam:2", 6, "expected 6 whitespace-separated columns");
            case "bim_one_line_short":
                Copy("bed-reader/some_missing.bed", ".bed");
                Copy("bed-reader/some_missing.fam", ".fam");
                File.WriteAllLines(prefix + ".bim", File.ReadAllLines(PlinkTestData.Path("bed-reader/some_missing.bim"))[..^1]);
                return (".bed", 7, "size is 2503 bytes but 3 + 99 variants (.bim) × 25 bytes per variant for 100 samples (.fam) = 2478 bytes were expected");
            case "fam_one_sample_more":
                Copy("bed-reader/some_missing.bed", ".bed");
                Copy("bed-reader/some_missing.bim", ".bim");
                File.WriteAllText(prefix + ".fam", File.ReadAllText(PlinkTestData.Path("bed-reader/some_missing.fam")) + "0\textra\t0\t0\t1\t0\n");
                return (".bed", 7, "26 bytes per variant for 101 samples (.fam) = 2603 bytes were expected");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private static string[] Snapshot(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => $"{Path.GetFileName(p)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))}")];
}
