using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Plink;

namespace Genomics.Tests.Plink;

/// <summary>Read → write must give back the same bytes: export from the dataset depends on it.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(PlinkTestData.VariantMajorFilesets), MemberType = typeof(PlinkTestData))]
    public void Shared_fileset_is_rewritten_byte_for_byte(string fileset)
    {
        using var directory = new TemporaryDirectory();
        var original = PlinkPaths.FromAnyPath(PlinkTestData.Path(fileset));
        var copy = Rewrite(original, directory.File("copy"));
        Assert.Equal(File.ReadAllBytes(original.Fam), File.ReadAllBytes(copy.Fam));
        Assert.Equal(File.ReadAllBytes(original.Bim), File.ReadAllBytes(copy.Bim));
        Assert.Equal(File.ReadAllBytes(original.Bed), File.ReadAllBytes(copy.Bed));
    }

    [Fact]
    public void Shared_mode0_fileset_keeps_its_text_files_and_becomes_variant_major()
    {
        using var directory = new TemporaryDirectory();
        var original = PlinkPaths.FromAnyPath(PlinkTestData.Path("bed-reader/smallmode0"));
        var copy = Rewrite(original, directory.File("copy"));
        Assert.Equal(File.ReadAllBytes(original.Fam), File.ReadAllBytes(copy.Fam));
        Assert.Equal(File.ReadAllBytes(original.Bim), File.ReadAllBytes(copy.Bim));
        using var legacy = PlinkFileset.Open(original.Bed);
        using var rewritten = PlinkFileset.Open(copy.Bed);
        Assert.Equal(BedLayout.VariantMajor, rewritten.Genotypes.Layout);
        Assert.Equal(PlinkRows.ReadAll(legacy.Genotypes), PlinkRows.ReadAll(rewritten.Genotypes));
    }

    [Fact]
    public void Random_filesets_survive_write_read_write()
    {
        var shapes = Gen.Choose(0, 70).SelectMany(n => Gen.Choose(0, 40).SelectMany(m => Gen.Choose(0, 100).SelectMany(
            missingPercent => Gen.Choose(0, int.MaxValue).Select(seed => new FilesetShape(n, m, missingPercent, seed)))));
        Prop.ForAll(shapes.ToArbitrary(), shape =>
        {
            using var directory = new TemporaryDirectory();
            var dosages = shape.Dosages();
            var first = WriteGenerated(shape, dosages, directory.File("first"));

            using (var read = PlinkFileset.Open(first.Bed))
            {
                Assert.Equal((shape.Samples, (long)shape.Variants), (read.SampleCount, read.VariantCount));
                var decoded = new sbyte[shape.Samples];
                var row = new byte[read.Genotypes.BytesPerVariant];
                for (var variant = 0; variant < shape.Variants; variant++)
                {
                    read.Genotypes.ReadVariants(variant, 1, row);
                    GenotypeKernels.DosageDecoder.Decode(row, decoded);
                    Assert.Equal(dosages[variant], decoded);
                }
            }

            var second = Rewrite(first, directory.File("second"));
            Assert.Equal(File.ReadAllBytes(first.Fam), File.ReadAllBytes(second.Fam));
            Assert.Equal(File.ReadAllBytes(first.Bim), File.ReadAllBytes(second.Bim));
            Assert.Equal(File.ReadAllBytes(first.Bed), File.ReadAllBytes(second.Bed));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Abandoned_writer_leaves_no_files()
    {
        using var directory = new TemporaryDirectory();
        using (var writer = PlinkFilesetWriter.Create(directory.File("gone"), [new FamRecord(null, "s", null, null, PlinkSex.Unknown, null)]))
        {
            writer.WriteVariant(new BimRecord("1", "v", 0, 1, "A", "C"), [0b11]);
        }

        Assert.Empty(Directory.EnumerateFiles(directory.FullPath));
    }

    /// <summary>Reads a fileset and writes it again through the public readers and writers, in blocks.</summary>
    private static PlinkPaths Rewrite(PlinkPaths source, string targetPrefix)
    {
        using var plink = PlinkFileset.Open(source.Bed);
        using var writer = PlinkFilesetWriter.Create(targetPrefix, plink.Samples);
        using var variants = plink.OpenVariants();
        const int Block = 16;
        var rows = new byte[Block * plink.Genotypes.BytesPerVariant];
        var bytesPerVariant = plink.Genotypes.BytesPerVariant;
        for (long first = 0; first < plink.VariantCount; first += Block)
        {
            var count = (int)Math.Min(Block, plink.VariantCount - first);
            plink.Genotypes.ReadVariants(first, count, rows);
            for (var i = 0; i < count; i++)
            {
                Assert.True(variants.TryRead(out var variant));
                writer.WriteVariant(variant, rows.AsSpan(i * bytesPerVariant, bytesPerVariant));
            }
        }

        Assert.False(variants.TryRead(out _));
        writer.Complete();
        return writer.Paths;
    }

    private static PlinkPaths WriteGenerated(FilesetShape shape, sbyte[][] dosages, string prefix)
    {
        var samples = Enumerable.Range(0, shape.Samples)
            .Select(i => new FamRecord(i % 3 == 0 ? null : "fam" + (i / 3), "s" + i, null, i % 5 == 0 ? "m" : null, (PlinkSex)(i % 3), i % 2 == 0 ? null : "1.5"))
            .ToList();
        using var writer = PlinkFilesetWriter.Create(prefix, samples);
        var row = new byte[PackedGenotypes.BytesPerRow(shape.Samples)];
        for (var variant = 0; variant < shape.Variants; variant++)
        {
            GenotypeKernels.DosagePacker.Pack(dosages[variant], row);
            writer.WriteVariant(new BimRecord(variant % 2 == 0 ? "1" : "X", "v" + variant, variant * 0.5, 1000 + variant, "A", "ACG"), row);
        }

        writer.Complete();
        return writer.Paths;
    }

    private sealed record FilesetShape(int Samples, int Variants, int MissingPercent, int Seed)
    {
        public sbyte[][] Dosages()
        {
            var random = new Random(Seed);
            return [.. Enumerable.Range(0, Variants).Select(_ => Enumerable.Range(0, Samples)
                .Select(_ => random.Next(100) < MissingPercent ? (sbyte)-1 : (sbyte)random.Next(3)).ToArray())];
        }
    }
}
