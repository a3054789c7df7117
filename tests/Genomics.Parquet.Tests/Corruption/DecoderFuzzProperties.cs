using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;
using Genomics.Parquet.Reading;
using Genomics.Parquet.Tests.Properties;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Corruption;

/// <summary>
/// Each decoder fed arbitrary bytes, and valid encodings with damage: it decodes or throws
/// <see cref="ParquetFormatException"/>, nothing else.
/// </summary>
public class DecoderFuzzProperties
{
    /// <summary>Random bytes, biased towards bytes that make varints long and lengths large.</summary>
    private static Gen<byte[]> Garbage { get; } =
        Gen.Frequency((3, Gen.Choose(0, 255)), (1, Gen.Elements(0x00, 0x01, 0x7F, 0x80, 0xFF))).Select(b => (byte)b).ArrayOf();

    /// <summary>A valid encoding with one to three bytes changed, cut short, or both.</summary>
    private static Gen<byte[]> Damaged(Gen<byte[]> valid) =>
        Gen.Zip(valid, Gen.Choose(0, int.MaxValue)).Select(t =>
        {
            var (bytes, seed) = t;
            var rng = new Random(seed);
            var b = (byte[])bytes.Clone();
            for (var i = rng.Next(1, 4); i > 0 && b.Length > 0; i--)
            {
                b[rng.Next(b.Length)] ^= (byte)rng.Next(1, 256);
            }

            return rng.Next(3) == 0 && b.Length > 0 ? b[..rng.Next(b.Length)] : b;
        });

    [Fact]
    public void Rle_hybrid_decoder()
    {
        var valid = Gen.Choose(0, 32).SelectMany(w => RleHybridProperties.Runs(w).Select(runs =>
        {
            using var buffer = new ByteBuffer();
            var encoder = new RleHybridEncoder(buffer, w);
            foreach (var (v, n) in runs)
            {
                encoder.Add(v, n);
            }

            encoder.Finish();
            return buffer.WrittenSpan.ToArray();
        }));
        var gen = PropertyRunner.Zip(Gen.OneOf(Garbage, Damaged(valid)), Gen.Choose(-1, 40), Gen.Choose(0, 5000));
        PropertyRunner.Check(gen, 500, t =>
        {
            var (data, width, count) = t;
            Outcome.SucceedsOrFormatError(() => new RleHybridDecoder(data, width).Decode(new uint[count]));
        });
    }

    [Fact]
    public void Dictionary_indices()
    {
        var gen = PropertyRunner.Zip(Garbage, Gen.Choose(0, 300), Gen.Choose(0, 3000));
        PropertyRunner.Check(gen, 300, t =>
        {
            var (data, dictionary, count) = t;
            Outcome.SucceedsOrFormatError(() => DictionaryIndices.Decode(data, new uint[count], dictionary));
        });
    }

    [Fact]
    public void Delta_binary_packed_decoder()
    {
        var valid = DeltaBinaryPackedProperties.Sequences.Select(values =>
        {
            using var buffer = new ByteBuffer();
            DeltaBinaryPacked.Encode(values, buffer);
            return buffer.WrittenSpan.ToArray();
        });
        var gen = Gen.Zip(Gen.OneOf(Garbage, Damaged(valid)), Gen.Choose(0, 700));
        PropertyRunner.Check(gen, 400, t =>
        {
            var (data, capacity) = t;
            Outcome.SucceedsOrFormatError(() => DeltaBinaryPacked.Decode(data, new long[capacity], out _));
        });
    }

    public static TheoryData<string> Structs() => ["FileMetaData", "PageHeader", "ColumnIndex", "OffsetIndex", "ColumnMetaData"];

    [Theory]
    [MemberData(nameof(Structs))]
    public void Thrift_struct_reader(string name)
    {
        var type = ThriftStructProperties.FormatStructs().Single(t => t.Name == name);
        var valid = ThriftStructGen.ForClass(type, 0).Select(o => FileSurgery.Serialize(w =>
            type.GetMethod("WriteFields", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(o, [w])));
        PropertyRunner.Check(Gen.OneOf(Garbage, Damaged(valid)), 300, data =>
            Outcome.SucceedsOrFormatError(() =>
            {
                try
                {
                    ThriftStructProperties.ReadStruct(type, new ThriftCompactReader(data, 0));
                }
                catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                }
            }));
    }

    [Fact]
    public void Plain_decoder()
    {
        var types = Gen.Elements(PhysicalType.Boolean, PhysicalType.Int32, PhysicalType.Int64, PhysicalType.Float, PhysicalType.Double, PhysicalType.ByteArray, PhysicalType.Int96);
        var encodings = Gen.Elements(Encoding.Plain, Encoding.Rle, Encoding.ByteStreamSplit, Encoding.DeltaBinaryPacked, Encoding.RleDictionary, Encoding.BitPacked);
        var gen = Gen.Zip(PropertyRunner.Zip(Garbage, types, encodings), Gen.Choose(0, 500));
        PropertyRunner.Check(gen, 400, t =>
        {
            var ((data, physical, encoding), count) = t;
            Outcome.SucceedsOrFormatError(() => PlainDecoder.Decode<long>(data, encoding, physical, new long[count]));
            Outcome.SucceedsOrFormatError(() => PlainDecoder.Decode<bool>(data, encoding, physical, new bool[count]));
            Outcome.SucceedsOrFormatError(() => PlainDecoder.Decode<short>(data, encoding, physical, new short[count]));
        });
    }

    [Fact]
    public void Byte_array_pages()
    {
        var encodings = Gen.Elements(Encoding.Plain, Encoding.RleDictionary, Encoding.DeltaLengthByteArray, Encoding.DeltaByteArray, Encoding.ByteStreamSplit);
        var gen = Gen.Zip(PropertyRunner.Zip(Garbage, Garbage, encodings), Gen.Zip(Gen.Choose(-2, 40), Gen.Choose(0, 300)));
        PropertyRunner.Check(gen, 400, t =>
        {
            var ((dictionary, page, encoding), (dictionaryCount, count)) = t;
            var builder = new BinaryLeafBuilder();
            Outcome.SucceedsOrFormatError(() =>
            {
                builder.SetDictionary(dictionary, dictionaryCount, PhysicalType.ByteArray);
                builder.AppendPage(page, encoding, PhysicalType.ByteArray, count, default, hasNulls: false);
                Assert.Equal(count, builder.Build().Length);
            });
        });
    }

    [Fact]
    public void Fixed_width_pages_with_a_dictionary()
    {
        var encodings = Gen.Elements(Encoding.Plain, Encoding.RleDictionary, Encoding.PlainDictionary, Encoding.DeltaBinaryPacked, Encoding.ByteStreamSplit);
        var types = Gen.Elements(PhysicalType.Int32, PhysicalType.Int64, PhysicalType.Double, PhysicalType.Boolean);
        var gen = Gen.Zip(PropertyRunner.Zip(Garbage, Garbage, encodings), PropertyRunner.Zip(types, Gen.Choose(-2, 60), Gen.Choose(0, 300)));
        PropertyRunner.Check(gen, 400, t =>
        {
            var ((dictionary, page, encoding), (physical, dictionaryCount, count)) = t;
            foreach (var builder in new LeafBuilder[] { new PrimitiveLeafBuilder<int>(), new PrimitiveLeafBuilder<long>(), new PrimitiveLeafBuilder<double>(), new PrimitiveLeafBuilder<bool>() })
            {
                Outcome.SucceedsOrFormatError(() =>
                {
                    builder.SetDictionary(dictionary, dictionaryCount, physical);
                    builder.AppendPage(page, encoding, physical, count, default, hasNulls: false);
                });
            }
        });
    }

    [Fact]
    public void Levels_of_nested_lists()
    {
        // Arbitrary repetition/definition levels for LIST<LIST<INT32?>?>?: assembled or rejected, never a crash.
        var field = ParquetField.List("l", ParquetField.List("element", ParquetField.Primitive("element", ParquetValueType.Int32, nullable: true)));
        var levels = Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, 6)).Select(l => ((uint)l.Item1, (uint)l.Item2)).ArrayOf();
        PropertyRunner.Check(levels, 400, pairs =>
        {
            var assembler = new ColumnAssembler(field);
            Outcome.SucceedsOrFormatError(() =>
            {
                var valid = assembler.Apply(pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
                var values = valid.ToArray().Count(v => v);
                assembler.Leaf.AppendPage(new byte[values * 4], Encoding.Plain, PhysicalType.Int32, values, valid, hasNulls: values != valid.Length);
                _ = ColumnComparer.Values(assembler.Build());
            });
        });
    }
}
