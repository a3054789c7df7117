using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Encodings;

namespace Genomics.Parquet.Tests.Properties;

public class BitPackerProperties
{
    private const byte Canary = 0xCC;

    public static TheoryData<int> Widths0To32() => [.. Enumerable.Range(0, 33)];

    public static TheoryData<int> Widths0To8() => [.. Enumerable.Range(0, 9)];

    /// <summary>Value counts: multiples of 8 (whole groups) and anything else, up to a few hundred.</summary>
    internal static Gen<int> Counts { get; } = Gen.Frequency(
        (2, Gen.Choose(0, 40).Select(g => g * 8)),
        (2, Gen.Choose(0, 330)),
        (1, Gen.Choose(1, 9)));

    internal static Gen<uint> ValueBelow(int width) => width switch
    {
        0 => Gen.Constant(0u),
        32 => Gen.Frequency(
            (3, Gen.Choose(int.MinValue, int.MaxValue).Select(v => unchecked((uint)v))),
            (1, Gen.Elements(0u, 1u, uint.MaxValue, uint.MaxValue - 1, 1u << 31))),
        _ => Gen.Frequency(
            (3, Gen.Choose(0, (int)((1L << width) - 1)).Select(v => (uint)v)),
            (1, Gen.Elements(0u, (uint)((1L << width) - 1)))),
    };

    [Theory]
    [MemberData(nameof(Widths0To32))]
    public void Pack_then_unpack_returns_the_values_at_every_width(int width)
    {
        var gen = Counts.SelectMany(n => ValueBelow(width).ArrayOf(n));
        PropertyRunner.Check(gen, 60, values =>
        {
            var size = BitPacker.ByteCount(values.Length, width);
            Assert.Equal(((values.Length * (long)width) + 7) / 8, size);
            var packed = new byte[size + 8];
            packed.AsSpan().Fill(Canary);
            BitPacker.Pack(values, width, packed);

            // Independent bit-by-bit reference: bit j of value i sits at stream bit i·w + j, LSB first;
            // the padding bits of a last partial byte are zero and nothing past the size is touched.
            var expected = ReferencePack(values, width);
            Assert.Equal(expected, packed[..size]);
            Assert.All(packed[size..], b => Assert.Equal(Canary, b));

            var unpacked = new uint[values.Length];
            BitPacker.Unpack(packed.AsSpan(0, size), width, unpacked);
            Assert.Equal(values, unpacked);
        });
    }

    [Theory]
    [MemberData(nameof(Widths0To8))]
    public void PackBytes_fast_paths_equal_the_generic_packer(int width)
    {
        var gen = Counts.SelectMany(n => ValueBelow(width).Select(v => (byte)v).ArrayOf(n));
        PropertyRunner.Check(gen, 150, values =>
        {
            var size = BitPacker.ByteCount(values.Length, width);
            var reference = new byte[size];
            BitPacker.Pack(values.Select(v => (uint)v).ToArray(), width, reference);

            var fast = new byte[size + 8];
            fast.AsSpan().Fill(Canary);
            BitPacker.PackBytes(values, width, fast);
            Assert.Equal(reference, fast[..size]);
            Assert.All(fast[size..], b => Assert.Equal(Canary, b));
        });
    }

    internal static byte[] ReferencePack(uint[] values, int width)
    {
        var bytes = new byte[((values.Length * (long)width) + 7) / 8];
        long bit = 0;
        foreach (var v in values)
        {
            for (var j = 0; j < width; j++, bit++)
            {
                if (((v >> j) & 1) != 0)
                {
                    bytes[bit / 8] |= (byte)(1 << (int)(bit % 8));
                }
            }
        }

        return bytes;
    }
}
