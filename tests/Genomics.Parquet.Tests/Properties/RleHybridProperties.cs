using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Properties;

public class RleHybridProperties
{
    public static TheoryData<int> Widths0To32() => [.. Enumerable.Range(0, 33)];

    /// <summary>Run structures: long runs, short runs (bit-packed), alternating single values, and mixes.</summary>
    internal static Gen<(uint Value, int Count)[]> Runs(int width)
    {
        var value = BitPackerProperties.ValueBelow(width);
        var longRun = Gen.Zip(value, Gen.Frequency((3, Gen.Choose(8, 100)), (1, Gen.Choose(100, 3000))));
        var shortRun = Gen.Zip(value, Gen.Choose(1, 7));
        var alternating = PropertyRunner.Zip(value, value, Gen.Choose(1, 60)).Select(t =>
            Enumerable.Range(0, t.Item3).Select(i => (i % 2 == 0 ? t.Item1 : t.Item2, 1)).ToArray());
        var mixed = Gen.Frequency((1, longRun), (2, shortRun)).Select(r => (r.Item1, r.Item2)).ArrayOf();
        return Gen.Frequency(
            (3, mixed),
            (1, longRun.Select(r => (r.Item1, r.Item2)).ArrayOf()),
            (1, shortRun.Select(r => (r.Item1, r.Item2)).ArrayOf()),
            (1, alternating),
            (1, Gen.Constant(Array.Empty<(uint, int)>())));
    }

    [Theory]
    [MemberData(nameof(Widths0To32))]
    public void Encoded_runs_decode_to_the_same_values_at_every_width(int width)
    {
        PropertyRunner.Check(Runs(width), 60, runs =>
        {
            var expected = runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();
            using var buffer = new ByteBuffer();
            var encoder = new RleHybridEncoder(buffer, width);
            foreach (var (v, n) in runs)
            {
                encoder.Add(v, n);
            }

            encoder.Finish();
            var decoded = new uint[expected.Length];
            new RleHybridDecoder(buffer.WrittenSpan, width).Decode(decoded);
            Assert.Equal(expected, decoded);

            // The padding of the last group decodes as zeros, never as leftovers.
            var padded = (expected.Length + 7) / 8 * 8;
            if (padded > expected.Length && !runs.Any(r => r.Count >= 8))
            {
                var withPadding = new uint[padded];
                new RleHybridDecoder(buffer.WrittenSpan, width).Decode(withPadding);
                Assert.All(withPadding[expected.Length..], v => Assert.Equal(0u, v));
            }
        });
    }

    [Fact]
    public void Decoding_in_pieces_equals_decoding_at_once()
    {
        var gen = Gen.Choose(0, 32).SelectMany(w => Gen.Zip(Runs(w), Gen.Choose(1, 50)).Select(t => (Width: w, Runs: t.Item1, Piece: t.Item2)));
        PropertyRunner.Check(gen, 150, t =>
        {
            var expected = t.Runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();
            using var buffer = new ByteBuffer();
            var encoder = new RleHybridEncoder(buffer, t.Width);
            foreach (var (v, n) in t.Runs)
            {
                encoder.Run((int)v, n);
            }

            encoder.Finish();
            var decoded = new uint[expected.Length];
            var decoder = new RleHybridDecoder(buffer.WrittenSpan, t.Width);
            for (var i = 0; i < decoded.Length; i += t.Piece)
            {
                decoder.Decode(decoded.AsSpan(i, Math.Min(t.Piece, decoded.Length - i)));
            }

            Assert.Equal(expected, decoded);
        });
    }
}
