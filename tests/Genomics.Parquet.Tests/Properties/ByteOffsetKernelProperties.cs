using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Kernels;

namespace Genomics.Parquet.Tests.Properties;

public class ByteOffsetKernelProperties
{
    public static TheoryData<string> Kernels() => [.. ByteOffsetKernel.Supported().Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_equals_the_scalar_reference(string name)
    {
        var kernel = ByteOffsetKernel.Supported().Single(k => k.Name == name);
        var scalar = new ScalarByteOffsetKernel();
        var sbytes = Gen.Choose(sbyte.MinValue, sbyte.MaxValue).Select(v => (sbyte)v);
        var lengths = Gen.Frequency((3, Gen.Choose(0, 1000)), (2, Gen.Choose(0, 70)), (1, Gen.Elements(15, 16, 17, 31, 32, 33, 63, 64, 65)));
        var gen = Gen.Zip(lengths.SelectMany(n => sbytes.ArrayOf(n)), Gen.Frequency((3, sbytes), (1, Gen.Elements(sbyte.MinValue, sbyte.MaxValue, (sbyte)0, (sbyte)-1))));
        PropertyRunner.Check(gen, 300, t =>
        {
            var (values, min) = t;
            var expected = new byte[values.Length];
            scalar.Apply(values, min, expected);
            Assert.Equal(values.Select(v => unchecked((byte)(v - min))), expected);

            var actual = new byte[values.Length + 40];
            actual.AsSpan().Fill(0xCC);
            kernel.Apply(values, min, actual.AsSpan(0, values.Length));
            Assert.Equal(expected, actual[..values.Length]);
            Assert.All(actual[values.Length..], b => Assert.Equal(0xCC, b));
        });
    }

    [Fact]
    public void The_chosen_kernel_is_one_of_the_supported()
    {
        Assert.Contains(ByteOffsetKernel.Best.Name, ByteOffsetKernel.Supported().Select(k => k.Name));
        Assert.Equal("scalar", ByteOffsetKernel.Supported()[0].Name);
    }
}
