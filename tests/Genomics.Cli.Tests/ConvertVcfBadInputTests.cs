using System.IO.Compression;
using Genomics.Tests.Plink;

namespace Genomics.Cli.Tests;

/// <summary>
/// Bad VCF input through <c>genomics convert</c>: exactly one stderr line naming the file and the line (or byte offset),
/// the documented exit code (README: 3 not recognised, 4 truncated, 5 corrupt, 6 malformed), and nothing left at --out
/// or beside it. Undeclared INFO/FORMAT keys are not an error: a warning per key, and the dataset is written.
/// </summary>
public sealed class ConvertVcfBadInputTests
{
    private const string GoodVcf =
        "##fileformat=VCFv4.3\n" +
        "##contig=<ID=1,length=1000>\n" +
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"depth\">\n" +
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"genotype\">\n" +
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"depth\">\n" +
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts1\ts2\n" +
        "1\t10\t.\tA\tG\t.\tPASS\tDP=3\tGT:DP\t0/1:3\t1/1:4\n" +
        "1\t20\t.\tC\tT\t.\tPASS\tDP=5\tGT:DP\t0/0:2\t0|1:5\n";

    public static TheoryData<string> Cases =>
        ["truncated.vcf.gz", "flipped.vcf.gz", "not_a_vcf.vcf", "empty.vcf", "missing_column.vcf", "pos_not_a_number.vcf", "gt_index_beyond_alt.vcf", "gzip_of_nothing.vcf.gz"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_vcf_fails_with_one_line_its_exit_code_and_no_output(string name)
    {
        using var directory = new TemporaryDirectory();
        var outFolder = Directory.CreateDirectory(directory.File("out")).FullName;
        var input = directory.File(name);
        var (where, code, reason) = Prepare(name, input);

        var result = CliRun.Run("convert", input, "--out", Path.Combine(outFolder, "dataset"), "--quiet");

        Assert.Equal(code, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("genomics: error: " + input + where, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
    }

    [Fact]
    public void Undeclared_keys_warn_once_each_and_the_dataset_is_written()
    {
        using var directory = new TemporaryDirectory();
        var input = directory.File("undeclared.vcf");
        File.WriteAllText(input, GoodVcf
            .Replace("DP=5", "DP=5;XX=1", StringComparison.Ordinal)
            .Replace("GT:DP\t0/0:2\t0|1:5", "GT:DP:ZZ\t0/0:2:1\t0|1:5:2", StringComparison.Ordinal));
        var dataset = directory.File("dataset");

        var result = CliRun.Run("convert", input, "--out", dataset, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Length);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"warning: {input}:8: INFO key 'XX' is not declared", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"warning: {input}:8: FORMAT key 'ZZ' is not declared", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dataset, "manifest.json")));
    }

    /// <summary>Writes the bad file for a case; returns where the error must point (":LINE" or ""), the exit code and a phrase of the reason.</summary>
    private static (string Where, int ExitCode, string Reason) Prepare(string name, string path)
    {
        // A real bgzip-written file shipped in testdata/ (307 kB, several blocks).
        var good = File.ReadAllBytes(PlinkTestData.Path("sim/demo.vcf.gz"));
        switch (name)
        {
            case "truncated.vcf.gz":
                // Cut two thirds in, inside a block: its header promises more bytes than remain.
                File.WriteAllBytes(path, good[..(good.Length * 2 / 3)]);
                return (": byte ", 4, "the file ends inside a BGZF block");
            case "flipped.vcf.gz":
                var damaged = (byte[])good.Clone();
                // One bit inside a later block's compressed data: caught by DEFLATE, ISIZE or CRC32, the block's offset named.
                damaged[good.Length / 2] ^= 0x01;
                File.WriteAllBytes(path, damaged);
                return (": byte ", 5, "damaged BGZF block");
            case "not_a_vcf.vcf":
                File.WriteAllText(path, "hello world\nthis is not a vcf\n");
                return (":1:", 3, "not a VCF file");
            case "empty.vcf":
                File.WriteAllBytes(path, []);
                return (":", 3, "empty file");
            case "gzip_of_nothing.vcf.gz":
                using (var stream = File.Create(path))
                using (new GZipStream(stream, CompressionLevel.Fastest))
                {
                }

                return (":", 3, "empty");
            case "missing_column.vcf":
                File.WriteAllText(path, GoodVcf.Replace("0/0:2\t0|1:5", "0/0:2", StringComparison.Ordinal));
                return (":8:", 6, "tab-separated columns, found 10");
            case "pos_not_a_number.vcf":
                File.WriteAllText(path, GoodVcf.Replace("1\t20\t", "1\t2x\t", StringComparison.Ordinal));
                return (":8:", 6, "POS '2x' is not a whole number");
            case "gt_index_beyond_alt.vcf":
                File.WriteAllText(path, GoodVcf.Replace("1/1:4", "1/2:4", StringComparison.Ordinal));
                return (":7:", 6, "refers to allele 2, but the site has 1 ALT allele");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }
}
