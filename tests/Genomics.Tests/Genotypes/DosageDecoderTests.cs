using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes.Kernels;

namespace Genomics.Tests.Genotypes;

public sealed class DosageDecoderTests
{
    private const sbyte Sentinel = 99;

    [Fact]
    public void Scalar_follows_the_plink_code_table()
    {
        // Byte 0b11_10_01_00: samples 0..3 have codes 00, 01, 10, 11; byte 2 has code 10 for sample 4 and padding bits set.
        byte[] packed = [0b11_10_01_00, 0b1111_11_10];
        var dosages = new sbyte[5];
        GenotypeKernels.CreateDosageDecoder(SimdLevel.Scalar).Decode(packed, dosages);
        Assert.Equal(new sbyte[] { 2, -1, 1, 0, 1 }, dosages);
    }

    [Theory]
    [MemberData(nameof(KernelLevels.Vector), MemberType = typeof(KernelLevels))]
    public void Vector_matches_scalar_on_random_rows(SimdLevel level)
    {
        var reference = GenotypeKernels.CreateDosageDecoder(SimdLevel.Scalar);
        var candidate = GenotypeKernels.CreateDosageDecoder(level);
        Assert.Equal(level, candidate.Level);
        Prop.ForAll(GenotypeGenerators.PackedRows, row =>
        {
            var expected = new sbyte[row.SampleCount];
            reference.Decode(row.Bytes, expected);
            var actual = Enumerable.Repeat(Sentinel, row.SampleCount + 64).ToArray();
            candidate.Decode(row.Bytes, actual.AsSpan(0, row.SampleCount));
            return expected.AsSpan().SequenceEqual(actual.AsSpan(0, row.SampleCount))
                && actual.AsSpan(row.SampleCount).IndexOfAnyExcept(Sentinel) < 0;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Short_packed_row_is_an_argument_error(SimdLevel level)
    {
        var decoder = GenotypeKernels.CreateDosageDecoder(level);
        Assert.Throws<ArgumentException>(() => decoder.Decode(new byte[2], new sbyte[9]));
    }
}
