using System.Numerics;
using FsCheck.Fluent;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Properties;

public class ZigZagVarintProperties
{
    [Fact]
    public void ZigZag_round_trips_and_maps_magnitude_to_small_codes()
    {
        PropertyRunner.Check(PropertyRunner.AnyInt64, 300, v =>
        {
            var code = ZigZag.Encode(v);
            // Reference: non-negative v → 2v, negative v → 2|v| − 1 (computed without overflow).
            var big = (BigInteger)v;
            var expected = big >= 0 ? 2 * big : (-2 * big) - 1;
            Assert.Equal(expected, (BigInteger)code);
            Assert.Equal(v, ZigZag.Decode(code));
        });
    }

    [Fact]
    public void ZigZag_decode_inverts_encode_on_every_code()
    {
        var anyCode = PropertyRunner.AnyInt64.Select(x => unchecked((ulong)x));
        PropertyRunner.Check(anyCode, 300, code => ZigZag.Encode(ZigZag.Decode(code)) == code);
    }

    [Fact]
    public void Uleb128_written_by_ByteBuffer_is_read_back_by_the_Thrift_reader()
    {
        var lists = PropertyRunner.AnyInt64.Select(x => unchecked((ulong)x)).ArrayOf();
        PropertyRunner.Check(lists, 300, codes =>
        {
            using var buffer = new ByteBuffer(4);
            foreach (var c in codes)
            {
                var before = buffer.Length;
                buffer.WriteUleb128(c);
                // ULEB128 spends one byte per started group of 7 bits (at least one).
                Assert.Equal(Math.Max(1, (64 - BitOperations.LeadingZeroCount(c) + 6) / 7), buffer.Length - before);
            }

            // The Thrift reader decodes a varint as zigzag i64; read each one back and undo the zigzag.
            var reader = new ThriftCompactReader(buffer.WrittenMemory.ToArray(), 0);
            foreach (var c in codes)
            {
                Assert.Equal(c, ZigZag.Encode(reader.ReadI64(ThriftType.I64)));
            }

            Assert.Equal(buffer.Length, reader.Position);
        });
    }
}
