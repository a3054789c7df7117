using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

/// <summary>A damaged copy of a valid file: a few bytes replaced, inserted or removed.</summary>
internal sealed record Damage(int File, (int Position, int Kind, byte Value)[] Edits)
{
    public override string ToString() => $"file {File}: " + string.Join(", ", Edits.Select(e => $"{"set ins del"[(e.Kind * 4)..((e.Kind * 4) + 3)]}@{e.Position}={(char)e.Value}"));
}

public sealed class RobustnessTests
{
    private static readonly string[] Corpus =
    [
        "bcftools/view.vcf",
        "cyvcf2/test-genotypes.vcf",
        "cyvcf2/test-alt-repr.vcf",
        "hts-specs/test/vcf/4.3/passed/complexfile_passed_000.vcf",
        "hts-specs/test/vcf/4.3/passed/passed_body_info.vcf",
        "hts-specs/test/vcf/4.3/passed/passed_ploidy_001.vcf",
        "bcftools/view.vectors.vcf",
    ];

    private static readonly byte[][] Texts = [.. Corpus.Select(f => File.ReadAllBytes(VcfTestData.Path(f)))];

    private static readonly Gen<byte> Interesting = Gen.Frequency(
        (6, Gen.Elements("\t\n:;,=./|<>[]\"0129-+eE ACGTN*"u8.ToArray())),
        (1, Gen.Choose(0, 255).Select(b => (byte)b)));

    private static readonly Arbitrary<Damage> Damages =
        (from file in Gen.Choose(0, Texts.Length - 1)
         from count in Gen.Choose(1, 4)
         from edits in Gen.ArrayOf(
             from position in Gen.Choose(0, Texts[file].Length - 1)
             from kind in Gen.Choose(0, 2)
             from value in Interesting
             select (position, kind, value),
             count)
         select new Damage(file, edits)).ToArbitrary();

    [Fact]
    public void Damaged_files_fail_only_with_format_errors()
    {
        Prop.ForAll(Damages, damage =>
        {
            var bytes = Apply(Texts[damage.File], damage.Edits);
            try
            {
                using var reader = VcfReader.Open(new MemoryStream(bytes), "damaged.vcf", new VcfReaderOptions { BatchByteBudget = 2048, MaxVariantsPerBatch = 3 });
                var batch = reader.CreateBatch();
                while (reader.ReadBatch(batch))
                {
                }

                return true;
            }
            catch (GenomicsFormatException error)
            {
                return error.FilePath == "damaged.vcf" && !error.Message.Contains('\n', StringComparison.Ordinal);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void Every_prefix_of_a_file_is_read_or_rejected_cleanly()
    {
        // Cutting a plain file anywhere either ends on a line boundary (a shorter valid file) or is reported as cut.
        var text = Texts[0];
        for (var length = 0; length < text.Length; length += 7)
        {
            var prefix = text.AsSpan(0, length).ToArray();
            try
            {
                using var reader = VcfReader.Open(new MemoryStream(prefix), "cut.vcf");
                var batch = reader.CreateBatch();
                while (reader.ReadBatch(batch))
                {
                }

                Assert.True(length == 0 || prefix[^1] == (byte)'\n', $"a cut at {length} was read without error");
            }
            catch (GenomicsFormatException error)
            {
                Assert.Equal("cut.vcf", error.FilePath);
            }
        }
    }

    private static byte[] Apply(byte[] original, (int Position, int Kind, byte Value)[] edits)
    {
        var bytes = new List<byte>(original);
        foreach (var (position, kind, value) in edits)
        {
            var at = Math.Min(position, bytes.Count - 1);
            switch (kind)
            {
                case 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }

    [Fact]
    public void Damage_descriptions_are_readable() => Assert.Contains("set@", new Damage(0, [(3, 0, (byte)'x')]).ToString(), StringComparison.Ordinal);
}
