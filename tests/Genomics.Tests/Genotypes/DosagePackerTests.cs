using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;

namespace Genomics.Tests.Genotypes;

public sealed class DosagePackerTests
{
    private const byte Sentinel = 0xA5;

    [Fact]
    public void Scalar_writes_codes_and_zero_padding()
    {
        sbyte[] dosages = [2, -1, 1, 0, 1, 7];
        var packed = new byte[] { 0xFF, 0xFF };
        GenotypeKernels.CreateDosagePacker(SimdLevel.Scalar).Pack(dosages, packed);
        Assert.Equal(new byte[] { 0b11_10_01_00, 0b0000_01_10 }, packed);
    }

    [Theory]
    [MemberData(nameof(KernelLevels.Vector), MemberType = typeof(KernelLevels))]
    public void Vector_matches_scalar_on_random_dosages(SimdLevel level)
    {
        var reference = GenotypeKernels.CreateDosagePacker(SimdLevel.Scalar);
        var candidate = GenotypeKernels.CreateDosagePacker(level);
        Assert.Equal(level, candidate.Level);
        Prop.ForAll(GenotypeGenerators.DosageRows, row =>
        {
            var bytes = PackedGenotypes.BytesPerRow(row.Dosages.Length);
            var expected = new byte[bytes];
            reference.Pack(row.Dosages, expected);
            var actual = Enumerable.Repeat(Sentinel, bytes + 64).ToArray();
            candidate.Pack(row.Dosages, actual);
            return expected.AsSpan().SequenceEqual(actual.AsSpan(0, bytes)) && actual.AsSpan(bytes).IndexOfAnyExcept(Sentinel) < 0;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Pack_after_decode_gives_the_row_back_without_padding(SimdLevel level)
    {
        var decoder = GenotypeKernels.CreateDosageDecoder(level);
        var packer = GenotypeKernels.CreateDosagePacker(level);
        Prop.ForAll(GenotypeGenerators.PackedRows, row =>
        {
            var dosages = new sbyte[row.SampleCount];
            decoder.Decode(row.Bytes, dosages);
            var repacked = new byte[row.Bytes.Length];
            packer.Pack(dosages, repacked);
            return repacked.AsSpan().SequenceEqual(GenotypeGenerators.WithoutPadding(row));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Decode_after_pack_gives_the_dosages_back_with_invalid_values_missing(SimdLevel level)
    {
        var decoder = GenotypeKernels.CreateDosageDecoder(level);
        var packer = GenotypeKernels.CreateDosagePacker(level);
        Prop.ForAll(GenotypeGenerators.DosageRows, row =>
        {
            var packed = new byte[PackedGenotypes.BytesPerRow(row.Dosages.Length)];
            packer.Pack(row.Dosages, packed);
            var decoded = new sbyte[row.Dosages.Length];
            decoder.Decode(packed, decoded);
            var expected = row.Dosages.Select(d => d is >= 0 and <= 2 ? d : (sbyte)-1).ToArray();
            return decoded.AsSpan().SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }
}
