using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes.Kernels;

namespace Genomics.Tests.Genotypes;

public sealed class CallDecoderTests
{
    private const sbyte Sentinel = 99;

    [Fact]
    public void Scalar_follows_the_plink_code_table()
    {
        byte[] packed = [0b11_10_01_00, 0b1111_11_10];
        var alleles = new sbyte[10];
        GenotypeKernels.CreateCallDecoder(SimdLevel.Scalar).Decode(packed, alleles);
        Assert.Equal(new sbyte[] { 1, 1, -1, -1, 0, 1, 0, 0, 0, 1 }, alleles);
    }

    [Theory]
    [MemberData(nameof(KernelLevels.Vector), MemberType = typeof(KernelLevels))]
    public void Vector_matches_scalar_on_random_rows(SimdLevel level)
    {
        var reference = GenotypeKernels.CreateCallDecoder(SimdLevel.Scalar);
        var candidate = GenotypeKernels.CreateCallDecoder(level);
        Assert.Equal(level, candidate.Level);
        Prop.ForAll(GenotypeGenerators.PackedRows, row =>
        {
            var slots = 2 * row.SampleCount;
            var expected = new sbyte[slots];
            reference.Decode(row.Bytes, expected);
            var actual = Enumerable.Repeat(Sentinel, slots + 128).ToArray();
            candidate.Decode(row.Bytes, actual.AsSpan(0, slots));
            return expected.AsSpan().SequenceEqual(actual.AsSpan(0, slots)) && actual.AsSpan(slots).IndexOfAnyExcept(Sentinel) < 0;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Calls_agree_with_dosages(SimdLevel level)
    {
        var calls = GenotypeKernels.CreateCallDecoder(level);
        var dosages = GenotypeKernels.CreateDosageDecoder(level);
        Prop.ForAll(GenotypeGenerators.PackedRows, row =>
        {
            var alleles = new sbyte[2 * row.SampleCount];
            var dosage = new sbyte[row.SampleCount];
            calls.Decode(row.Bytes, alleles);
            dosages.Decode(row.Bytes, dosage);
            for (var i = 0; i < row.SampleCount; i++)
            {
                var fromCall = alleles[2 * i] < 0 ? -1 : alleles[2 * i] + alleles[(2 * i) + 1];
                if (fromCall != dosage[i] || (alleles[2 * i] < 0) != (alleles[(2 * i) + 1] < 0))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Odd_allele_slot_count_is_an_argument_error(SimdLevel level)
    {
        var decoder = GenotypeKernels.CreateCallDecoder(level);
        Assert.Throws<ArgumentException>(() => decoder.Decode(new byte[4], new sbyte[7]));
    }
}
