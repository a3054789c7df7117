using Genomics.Genotypes.Kernels;
using Genomics.Plink;
using Genomics.Tests.Genotypes;

namespace Genomics.Tests.Plink;

public sealed class BedReaderTests
{
    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Some_missing_matches_the_expected_a1_counts(SimdLevel level)
    {
        var expected = NpyMatrix.Read(PlinkTestData.Path("bed-reader/some_missing.val.npy"));
        using var fileset = PlinkFileset.Open(PlinkTestData.Path("bed-reader/some_missing"));
        Assert.Equal((100, 100L), (fileset.SampleCount, fileset.VariantCount));
        Assert.Equal((fileset.SampleCount, (int)fileset.VariantCount), (expected.Rows, expected.Columns));
        var decoder = GenotypeKernels.CreateDosageDecoder(level);
        var row = new byte[fileset.Genotypes.BytesPerVariant];
        var dosages = new sbyte[fileset.SampleCount];
        var compared = 0;
        var missing = 0;
        for (var variant = 0; variant < fileset.VariantCount; variant++)
        {
            fileset.Genotypes.ReadVariants(variant, 1, row);
            decoder.Decode(row, dosages);
            for (var sample = 0; sample < fileset.SampleCount; sample++)
            {
                var value = expected[sample, variant];
                Assert.Equal(double.IsNaN(value) ? -1 : (int)value, dosages[sample]);
                missing += double.IsNaN(value) ? 1 : 0;
                compared++;
            }
        }

        Assert.Equal((10_000, 2182), (compared, missing));
    }

    [Theory]
    [MemberData(nameof(PlinkTestData.VariantMajorFilesets), MemberType = typeof(PlinkTestData))]
    public void Block_reads_agree_with_single_row_reads(string fileset)
    {
        using var plink = PlinkFileset.Open(PlinkTestData.Path(fileset));
        Assert.Equal(BedLayout.VariantMajor, plink.Genotypes.Layout);
        var oneByOne = PlinkRows.ReadAll(plink.Genotypes, block: 1);
        Assert.Equal(oneByOne, PlinkRows.ReadAll(plink.Genotypes, block: 3));
        Assert.Equal(oneByOne, PlinkRows.ReadAll(plink.Genotypes, block: (int)Math.Max(1, plink.VariantCount)));
        var file = File.ReadAllBytes(plink.Paths.Bed);
        Assert.Equal(file[3..], oneByOne);
    }

    [Fact]
    public void Shared_mode0_file_reads_as_the_transpose_of_its_mode1_twin()
    {
        // smallmode0.bed holds the same bytes as small.bed, but sample-major with 4 samples x 3 variants: so its
        // genotype (variant v, sample s) must be small's (variant s, sample v).
        using var legacy = PlinkFileset.Open(PlinkTestData.Path("bed-reader/smallmode0.bed"));
        using var modern = PlinkFileset.Open(PlinkTestData.Path("bed-reader/small.bed"));
        Assert.Equal(BedLayout.SampleMajor, legacy.Genotypes.Layout);
        Assert.Equal((4, 3L, 3, 4L), (legacy.SampleCount, legacy.VariantCount, modern.SampleCount, modern.VariantCount));
        var legacyRows = PlinkRows.ReadAll(legacy.Genotypes, block: 2);
        var modernRows = PlinkRows.ReadAll(modern.Genotypes);
        for (var variant = 0; variant < 3; variant++)
        {
            for (var sample = 0; sample < 4; sample++)
            {
                Assert.Equal(
                    PlinkRows.Code(modernRows.AsSpan(sample * modern.Genotypes.BytesPerVariant, modern.Genotypes.BytesPerVariant), variant),
                    PlinkRows.Code(legacyRows.AsSpan(variant * legacy.Genotypes.BytesPerVariant, legacy.Genotypes.BytesPerVariant), sample));
            }
        }
    }

    [Theory]
    [MemberData(nameof(PlinkTestData.VariantMajorFilesets), MemberType = typeof(PlinkTestData))]
    public void Mode0_twin_of_every_shared_fileset_reads_equal(string fileset)
    {
        using var modern = PlinkFileset.Open(PlinkTestData.Path(fileset));
        var rows = PlinkRows.ReadAll(modern.Genotypes);
        using var directory = new TemporaryDirectory();
        var twin = directory.File("twin.bed");
        PlinkRows.WriteSampleMajor(twin, rows, modern.SampleCount, (int)modern.VariantCount);
        using var legacy = BedReader.Open(twin, modern.SampleCount, modern.VariantCount);
        Assert.Equal(BedLayout.SampleMajor, legacy.Layout);
        Assert.Equal(PlinkRows.WithoutPadding(rows, modern.SampleCount), PlinkRows.ReadAll(legacy, block: 5));
    }

    [Fact]
    public void Rows_past_the_end_are_an_argument_error()
    {
        using var plink = PlinkFileset.Open(PlinkTestData.Path("bed-reader/small"));
        Assert.Throws<ArgumentOutOfRangeException>(() => plink.Genotypes.ReadVariants(3, 2, new byte[2]));
        Assert.Throws<ArgumentException>(() => plink.Genotypes.ReadVariants(0, 2, new byte[1]));
    }

    [Theory]
    [InlineData("data.bed")]
    [InlineData("data.bim")]
    [InlineData("data.fam")]
    [InlineData("data")]
    [InlineData("data.BIM")]
    public void Fileset_opens_from_the_prefix_or_any_of_its_files(string name)
    {
        using var plink = PlinkFileset.Open(PlinkTestData.Path("pandas-plink/" + name));
        Assert.Equal((3, 10L), (plink.SampleCount, plink.VariantCount));
        Assert.EndsWith("data.bed", plink.Paths.Bed, StringComparison.Ordinal);
    }
}
