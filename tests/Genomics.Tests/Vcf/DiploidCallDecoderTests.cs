using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Vcf.Kernels;

namespace Genomics.Tests.Vcf;

public sealed class DiploidCallDecoderTests
{
    [Fact]
    public void Scalar_decodes_alleles_phase_and_codes()
    {
        var text = "0/0\t0|1\t1/1\t./1\t1|0"u8;
        var alleles = new sbyte[10];
        var phased = new ulong[1];
        var packed = new byte[2];
        Assert.True(VcfKernels.CreateDiploidCallDecoder(SimdLevel.Scalar).TryDecode(text, 1, alleles, phased, packed));
        Assert.Equal(new sbyte[] { 0, 0, 0, 1, 1, 1, -1, 1, 1, 0 }, alleles);
        Assert.Equal(0b10010UL, phased[0]);

        // Codes in sample order from bit 0: 11 (hom REF), 10 (het), 00 (hom ALT), 01 (missing) | 10 (het).
        Assert.Equal(new byte[] { 0b01_00_10_11, 0b10 }, packed);
    }

    [Theory]
    [InlineData("0/2", 1)]
    [InlineData("0-1", 1)]
    [InlineData("0/1 0/0", 1)]
    [InlineData("0/1\t10/", 9)]
    public void Scalar_rejects_what_the_general_parser_must_handle(string text, int maxAllele)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        var calls = (bytes.Length + 1) / 4;
        Assert.False(VcfKernels.CreateDiploidCallDecoder(SimdLevel.Scalar).TryDecode(bytes, maxAllele, new sbyte[2 * calls], new ulong[1], []));
    }

    [Fact]
    public void Packed_codes_agree_with_the_dosage_packer()
    {
        Prop.ForAll(KernelInputs.Calls, input =>
        {
            if (input.MaxAllele != 1)
            {
                return true;
            }

            var alleles = new sbyte[2 * input.Calls];
            var packed = new byte[PackedGenotypes.BytesPerRow(input.Calls)];
            if (!VcfKernels.CreateDiploidCallDecoder(SimdLevel.Scalar).TryDecode(input.Text, 1, alleles, new ulong[(input.Calls + 63) / 64], packed))
            {
                return true;
            }

            var dosages = new sbyte[input.Calls];
            for (var call = 0; call < input.Calls; call++)
            {
                var (first, second) = (alleles[2 * call], alleles[(2 * call) + 1]);
                dosages[call] = first < 0 || second < 0 ? (sbyte)-1 : (sbyte)(first + second);
            }

            var expected = new byte[packed.Length];
            GenotypeKernels.CreateDosagePacker(SimdLevel.Scalar).Pack(dosages, expected);
            return expected.AsSpan().SequenceEqual(packed);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(VcfKernelLevels.Vector), MemberType = typeof(VcfKernelLevels))]
    public void Vector_matches_scalar(SimdLevel level)
    {
        var reference = VcfKernels.CreateDiploidCallDecoder(SimdLevel.Scalar);
        var candidate = VcfKernels.CreateDiploidCallDecoder(level);
        Assert.Equal(level, candidate.Level);
        Prop.ForAll(KernelInputs.Calls, input => Run(reference, input) == Run(candidate, input)).QuickCheckThrowOnFailure();
    }

    private static string Run(IDiploidCallDecoder decoder, CallsInput input)
    {
        var alleles = new sbyte[2 * input.Calls];
        var words = (input.Calls + 63) / 64;

        // Garbage in the outputs checks that every implementation overwrites all it owns.
        var phased = Enumerable.Repeat(0xA5A5_A5A5_A5A5_A5A5UL, words).ToArray();
        var packed = input.Pack ? Enumerable.Repeat((byte)0xA5, PackedGenotypes.BytesPerRow(input.Calls)).ToArray() : [];
        if (!decoder.TryDecode(input.Text, input.MaxAllele, alleles, phased, packed))
        {
            return "no match";
        }

        return $"{string.Join(',', alleles)} | {string.Join(',', phased)} | {Convert.ToHexString(packed)}";
    }
}
