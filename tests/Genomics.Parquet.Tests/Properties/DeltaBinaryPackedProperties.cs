using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Properties;

public class DeltaBinaryPackedProperties
{
    private static readonly int[] EdgeLengths = [0, 1, 2, 31, 32, 33, 127, 128, 129, 255, 256, 257];

    private static Gen<int> Lengths { get; } = Gen.Frequency((2, Gen.Elements(EdgeLengths)), (2, Gen.Choose(0, 600)));

    /// <summary>Random int64 sequences: full range (deltas overflow), extremes, sorted, small steps, constant.</summary>
    internal static Gen<long[]> Sequences { get; } = Lengths.SelectMany(n => Gen.OneOf(
        PropertyRunner.AnyInt64.ArrayOf(n),
        Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L, 1L).ArrayOf(n),
        PropertyRunner.AnyInt64.ArrayOf(n).Select(a => a.Order().ToArray()),
        PropertyRunner.AnyInt64.ArrayOf(n).Select(a => a.OrderDescending().ToArray()),
        Gen.Zip(PropertyRunner.AnyInt64, Gen.Choose(-1000, 1000).ArrayOf(n)).Select(t => Walk(t.Item1, t.Item2)),
        PropertyRunner.AnyInt64.Select(v => Enumerable.Repeat(v, n).ToArray())));

    [Fact]
    public void Encode_then_decode_returns_the_sequence()
    {
        PropertyRunner.Check(Sequences, 300, values =>
        {
            using var buffer = new ByteBuffer();
            DeltaBinaryPacked.Encode(values, buffer);
            var decoded = new long[values.Length];
            var consumed = DeltaBinaryPacked.Decode(buffer.WrittenSpan, decoded, out var count);
            Assert.Equal(values.Length, count);
            Assert.Equal(values, decoded);
            Assert.Equal(buffer.Length, consumed);

            // Followed by other bytes (a DELTA_BYTE_ARRAY's second stream), decoding stops at its own end.
            var withTail = buffer.WrittenSpan.ToArray().Concat(new byte[] { 0x7F, 0x80, 0x01 }).ToArray();
            var again = new long[values.Length + 5];
            Assert.Equal(buffer.Length, DeltaBinaryPacked.Decode(withTail, again, out count));
            Assert.Equal(values, again[..count]);
        });
    }

    private static long[] Walk(long start, int[] steps)
    {
        var a = new long[steps.Length];
        var v = start;
        for (var i = 0; i < steps.Length; i++)
        {
            a[i] = v;
            v = unchecked(v + steps[i]);
        }

        return a;
    }
}
