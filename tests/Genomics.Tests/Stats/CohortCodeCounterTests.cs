using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes;
using Genomics.Genotypes.Kernels;
using Genomics.Stats.Kernels;
using Genomics.Tests.Genotypes;

namespace Genomics.Tests.Stats;

public sealed class CohortCodeCounterTests
{
    public static TheoryData<SimdLevel> VectorLevels
    {
        get
        {
            var data = new TheoryData<SimdLevel>();
            foreach (var level in CohortCodeKernels.SupportedLevels.Where(l => l != SimdLevel.Scalar))
            {
                data.Add(level);
            }

            return data;
        }
    }

    /// <summary>A row with masks over its samples (random membership, padding bytes of the masks zero).</summary>
    internal sealed record MaskedRow(int SampleCount, byte[] Row, byte[] Masks, int Stride, int MaskCount)
    {
        public override string ToString() => $"N={SampleCount} masks={MaskCount} row=[{Convert.ToHexString(Row)}]";
    }

    internal static Arbitrary<MaskedRow> MaskedRows { get; } =
        (from n in GenotypeGenerators.SampleCounts
        from row in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), PackedGenotypes.BytesPerRow(n))
        from maskCount in Gen.Choose(0, 6)
        from members in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))), n * maskCount)
        select Build(n, row, maskCount, members)).ToArbitrary();

    [Fact]
    public void Scalar_counts_each_code_of_a_known_row()
    {
        // Samples 0..7: codes 00 (hom ALT), 01 (missing), 10 (het), 11 (hom REF), 11, 10, 01, 00; padding bits ignored.
        byte[] row = [0b11_10_01_00, 0b00_01_10_11, 0xFF];
        var masks = new byte[64 * 2];
        masks.AsSpan(0, 2).Fill(0xFF); // all eight samples
        masks[64] = 0b11_00_00_11; // samples 0 and 3
        var counts = new CodePlaneCounts[2];
        CohortCodeKernels.Create(SimdLevel.Scalar).Count(row.AsSpan(0, 2), masks, 64, counts);
        Assert.Equal((2L, 2L, 2L, 2L), (counts[0].HomRef, counts[0].Het, counts[0].Missing, counts[0].HomAlt(8)));
        Assert.Equal((1L, 0L, 0L, 1L), (counts[1].HomRef, counts[1].Het, counts[1].Missing, counts[1].HomAlt(2)));
    }

    [Theory]
    [MemberData(nameof(VectorLevels))]
    public void Vector_matches_scalar_on_random_rows_and_masks(SimdLevel level)
    {
        var reference = CohortCodeKernels.Create(SimdLevel.Scalar);
        var candidate = CohortCodeKernels.Create(level);
        Assert.Equal(level, candidate.Level);
        Prop.ForAll(MaskedRows, r =>
        {
            var expected = new CodePlaneCounts[r.MaskCount];
            var actual = new CodePlaneCounts[r.MaskCount];
            reference.Count(r.Row, r.Masks, r.Stride, expected);
            candidate.Count(r.Row, r.Masks, r.Stride, actual);
            return expected.AsSpan().SequenceEqual(actual);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(VectorLevels))]
    public void Vector_byte_lanes_do_not_overflow_on_long_rows_of_hom_ref(SimdLevel level)
    {
        // 70,000 samples all 11: every byte lane gets its maximum on every vector, past many flushes.
        var n = 70_000;
        var row = Enumerable.Repeat((byte)0xFF, PackedGenotypes.BytesPerRow(n)).ToArray();
        var counts = new CodePlaneCounts[1];
        CohortCodeKernels.Create(level).Count(row, row, row.Length, counts);
        Assert.Equal((long)n, counts[0].Both);
        Assert.Equal((long)n, counts[0].Low);
        Assert.Equal((long)n, counts[0].High);
    }

    [Theory]
    [MemberData(nameof(KernelLevels.All), MemberType = typeof(KernelLevels))]
    public void Short_masks_are_an_argument_error(SimdLevel level)
    {
        if (!CohortCodeKernels.IsSupported(level))
        {
            Assert.Throws<PlatformNotSupportedException>(() => CohortCodeKernels.Create(level));
            return;
        }

        Assert.Throws<ArgumentException>(() => CohortCodeKernels.Create(level).Count(new byte[10], new byte[15], 10, new CodePlaneCounts[2]));
    }

    private static MaskedRow Build(int n, byte[] row, int maskCount, bool[] members)
    {
        var stride = Math.Max(64, (row.Length + 63) & ~63);
        var masks = new byte[Math.Max(1, maskCount) * stride];
        for (var k = 0; k < maskCount; k++)
        {
            for (var s = 0; s < n; s++)
            {
                if (members[(k * n) + s])
                {
                    masks[(k * stride) + (s >> 2)] |= (byte)(0b11 << ((s & 3) << 1));
                }
            }
        }

        return new MaskedRow(n, row, masks, stride, maskCount);
    }
}
