using FsCheck;
using FsCheck.Fluent;
using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Export;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>Random filesets with irregular text: write → convert → export gives the same bytes, in both genotype forms.</summary>
public sealed class RandomRoundTripTests
{
    private static readonly Arbitrary<RandomFileset> Filesets = Gen.Choose(1, 70).SelectMany(n => Gen.Choose(0, 40).SelectMany(m =>
        Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 100)), (1, Gen.Constant(100))).SelectMany(missing =>
            Gen.Choose(0, int.MaxValue).Select(seed => new RandomFileset(n, m, missing, seed))))).ToArbitrary();

    [Fact]
    public void Random_irregular_filesets_come_back_byte_identical()
    {
        Prop.ForAll(Filesets, fileset =>
        {
            using var directory = new TemporaryDirectory();
            var source = fileset.Write(directory.File("source"));
            var dosages = fileset.Dosages();
            foreach (var form in new[] { GenotypeColumn.Dosage, GenotypeColumn.Calls })
            {
                var dataset = directory.File("dataset-" + form);
                PlinkConverter.Convert(source + ".bed", dataset, new PlinkConversionOptions { Genotypes = form, GenotypesPerRowGroup = fileset.GenotypesPerRowGroup });
                var contents = DatasetContents.Read(dataset);
                Assert.Equal((fileset.Samples, fileset.Variants), (contents.Samples.Count, contents.Sites.Count));
                for (var v = 0; v < fileset.Variants; v++)
                {
                    var expected = dosages[v].Select(d => d < 0 ? (sbyte?)null : d);
                    var actual = form == GenotypeColumn.Dosage
                        ? contents.Dosages![v]
                        : Enumerable.Range(0, fileset.Samples).Select(s => GenotypeText.AltCount(GenotypeText.Call(contents.Calls![v], s)));
                    Assert.Equal(expected, actual);
                }

                var exported = directory.File("exported-" + form);
                PlinkExporter.Export(dataset, exported);
                foreach (var extension in new[] { ".fam", ".bim", ".bed" })
                {
                    Assert.True(
                        File.ReadAllBytes(source + extension).AsSpan().SequenceEqual(File.ReadAllBytes(exported + extension)),
                        $"{form}: {extension} differs for {fileset}\nsource:   {Show(source + extension)}\nexported: {Show(exported + extension)}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private static string Show(string path) => path.EndsWith(".bed", StringComparison.Ordinal)
        ? Convert.ToHexString(File.ReadAllBytes(path))
        : File.ReadAllText(path).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
