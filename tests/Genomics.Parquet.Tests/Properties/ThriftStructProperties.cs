using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Properties;

public class ThriftStructProperties
{
    /// <summary>Every generated footer/page struct, with how many random values to try (big structs fewer).</summary>
    public static TheoryData<string, int> StructTypes()
    {
        var data = new TheoryData<string, int>();
        foreach (var t in FormatStructs())
        {
            data.Add(t.Name, t == typeof(FileMetaData) || t == typeof(RowGroup) ? 100 : 150);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StructTypes))]
    public void Struct_survives_compact_write_and_read(string name, int maxTest)
    {
        var type = FormatStructs().Single(t => t.Name == name);
        PropertyRunner.Check(ThriftStructGen.ForClass(type, 0), maxTest, value =>
        {
            var bytes = Serialize(value, extra: null);
            var reader = new ThriftCompactReader(bytes, 0);
            var back = ReadStruct(type, reader);
            StructComparer.AssertEqual(value, back);
            Assert.Equal(bytes.Length, reader.Position);
        });
    }

    [Fact]
    public void The_structs_named_in_the_format_are_all_covered()
    {
        var names = FormatStructs().Select(t => t.Name).ToHashSet();
        foreach (var n in new[] { "FileMetaData", "PageHeader", "ColumnIndex", "OffsetIndex", "Statistics", "SchemaElement", "LogicalType" })
        {
            Assert.Contains(n, names);
        }
    }

    [Fact]
    public void Unknown_fields_of_every_type_are_skipped()
    {
        // A PageHeader followed by fields a newer format version might add (ids 100+, every Thrift type,
        // nested structs, lists, sets and maps): the reader must skip them and still read the known fields.
        var gen = Gen.Zip(ThriftStructGen.For<PageHeader>(), UnknownField.ArrayOf());
        PropertyRunner.Check(gen, 200, t =>
        {
            var (header, unknown) = t;
            var bytes = Serialize(header, extra: buffer =>
            {
                var id = 100;
                foreach (var u in unknown)
                {
                    id += 1 + u.IdGap;
                    u.Write(buffer, (short)id);
                }
            });
            var reader = new ThriftCompactReader(bytes, 0);
            StructComparer.AssertEqual(header, PageHeader.Read(reader));
            Assert.Equal(bytes.Length, reader.Position);
        });
    }

    [Fact]
    public void Field_ids_with_any_gap_and_order_round_trip()
    {
        // Arbitrary (id, value) sequences through the writer's field headers: short deltas (1..15), long
        // gaps, repeated and decreasing ids all use the right header form.
        var field = PropertyRunner.Zip(Gen.Frequency((4, Gen.Choose(-3, 15)), (1, Gen.Choose(16, 300)), (1, Gen.Choose(-300, -16))), PropertyRunner.AnyInt64, Gen.Choose(0, 2));
        PropertyRunner.Check(field.ArrayOf(), 300, fields =>
        {
            using var buffer = new ByteBuffer();
            var w = new ThriftCompactWriter(buffer);
            w.BeginStruct();
            var ids = new List<short>();
            short id = 0;
            foreach (var (delta, value, kind) in fields)
            {
                id = (short)Math.Clamp(id + delta, 1, short.MaxValue);
                ids.Add(id);
                switch (kind)
                {
                    case 0:
                        w.WriteI64(id, value);
                        break;
                    case 1:
                        w.WriteBool(id, (value & 1) != 0);
                        break;
                    default:
                        w.WriteI32(id, (int)value);
                        break;
                }
            }

            w.EndStruct();
            var r = new ThriftCompactReader(buffer.WrittenMemory.ToArray(), 0);
            r.BeginStruct();
            for (var i = 0; i < fields.Length; i++)
            {
                Assert.True(r.NextField(out var readId, out var type));
                Assert.Equal(ids[i], readId);
                var (_, value, kind) = fields[i];
                switch (kind)
                {
                    case 0:
                        Assert.Equal(value, r.ReadI64(type));
                        break;
                    case 1:
                        Assert.Equal((value & 1) != 0, r.ReadBool(type));
                        break;
                    default:
                        Assert.Equal((int)value, r.ReadI32(type));
                        break;
                }
            }

            Assert.False(r.NextField(out _, out _));
            r.EndStruct();
            Assert.Equal(buffer.Length, r.Position);
        });
    }

    internal static IEnumerable<Type> FormatStructs() =>
        typeof(FileMetaData).Assembly.GetTypes()
            .Where(t => t.Namespace == "Genomics.Parquet.Format" && t.IsClass && t.GetMethod("Read", BindingFlags.Static | BindingFlags.NonPublic) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    internal static object ReadStruct(Type type, ThriftCompactReader reader) =>
        type.GetMethod("Read", BindingFlags.Static | BindingFlags.NonPublic)!.Invoke(null, [reader])!;

    private static byte[] Serialize(object value, Action<ByteBuffer>? extra)
    {
        using var buffer = new ByteBuffer();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        value.GetType().GetMethod("WriteFields", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(value, [w]);
        extra?.Invoke(buffer);
        w.EndStruct();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A field the reader does not know, written as raw compact bytes with a long-form header.</summary>
    private sealed record UnknownFieldValue(int IdGap, byte[] Encoded, ThriftType Type)
    {
        public void Write(ByteBuffer buffer, short id)
        {
            buffer.WriteByte((byte)Type);
            buffer.WriteUleb128(ZigZag.Encode(id));
            buffer.Write(Encoded);
        }

        public override string ToString() => $"{Type} +{IdGap}: {Convert.ToHexString(Encoded)}";
    }

    private static Gen<UnknownFieldValue> UnknownField { get; } =
        Gen.Zip(Gen.Choose(0, 40), Gen.Sized(s => UnknownValue(Math.Min(3, s / 10)))).Select(t => new UnknownFieldValue(t.Item1, t.Item2.Bytes, t.Item2.Type));

    /// <summary>A random Thrift value of any type, as (type, compact bytes).</summary>
    private static Gen<(ThriftType Type, byte[] Bytes)> UnknownValue(int depth)
    {
        var scalars = new List<Gen<(ThriftType, byte[])>>
        {
            Gen.Constant((ThriftType.BooleanTrue, Array.Empty<byte>())),
            Gen.Constant((ThriftType.BooleanFalse, Array.Empty<byte>())),
            Gen.Choose(0, 255).Select(b => (ThriftType.Byte, new[] { (byte)b })),
            PropertyRunner.AnyInt64.Select(v => (ThriftType.I16, Varint((short)v))),
            PropertyRunner.AnyInt64.Select(v => (ThriftType.I32, Varint((int)v))),
            PropertyRunner.AnyInt64.Select(v => (ThriftType.I64, Varint(v))),
            PropertyRunner.AnyInt64.Select(v => (ThriftType.Double, BitConverter.GetBytes(v))),
            ThriftStructGen.Bytes.Select(b => (ThriftType.Binary, Concat(Uleb((ulong)b.Length), b))),
        };
        if (depth == 0)
        {
            return Gen.OneOf(scalars);
        }

        var inner = UnknownValue(depth - 1);
        var containers = new List<Gen<(ThriftType, byte[])>>
        {
            // list / set: header, then elements of one type (bools take a byte each inside containers).
            PropertyRunner.Zip(Gen.Elements(ThriftType.List, ThriftType.Set), Gen.Frequency((4, Gen.Choose(0, 4)), (1, Gen.Choose(15, 17))), inner)
                .SelectMany(t => Gen.Constant(t.Item3).ArrayOf(t.Item2).Select(items => (t.Item1, ContainerBytes(t.Item3.Item1, items.Select(i => ElementBytes(i)).ToArray())))),
            // map: count, key/value type byte, then pairs.
            PropertyRunner.Zip(Gen.Choose(0, 3), inner, inner).Select(t =>
            {
                var (n, k, v) = t;
                if (n == 0)
                {
                    return (ThriftType.Map, new byte[] { 0 });
                }

                var body = new List<byte>(Uleb((ulong)n)) { (byte)(((int)k.Item1 << 4) | (int)v.Item1) };
                for (var i = 0; i < n; i++)
                {
                    body.AddRange(ElementBytes(k));
                    body.AddRange(ElementBytes(v));
                }

                return (ThriftType.Map, body.ToArray());
            }),
            // struct: fields with short headers, then stop.
            inner.ArrayOf().Select(fields =>
            {
                var body = new List<byte>();
                foreach (var f in fields)
                {
                    body.Add((byte)(0x10 | (int)f.Item1));
                    body.AddRange(f.Item2);
                }

                body.Add(0);
                return (ThriftType.Struct, body.ToArray());
            }),
        };
        return Gen.Frequency((2, Gen.OneOf(scalars)), (1, Gen.OneOf(containers)));
    }

    private static byte[] ElementBytes((ThriftType Type, byte[] Bytes) v) => v.Type switch
    {
        ThriftType.BooleanTrue => [1],
        ThriftType.BooleanFalse => [2],
        _ => v.Bytes,
    };

    private static byte[] ContainerBytes(ThriftType elementType, byte[][] items)
    {
        var et = elementType == ThriftType.BooleanFalse ? ThriftType.BooleanTrue : elementType;
        var header = items.Length < 15 ? [(byte)((items.Length << 4) | (int)et)] : Concat([(byte)(0xF0 | (int)et)], Uleb((ulong)items.Length));
        return Concat([header, .. items]);
    }

    private static byte[] Varint(long v) => Uleb(ZigZag.Encode(v));

    private static byte[] Uleb(ulong v)
    {
        using var b = new ByteBuffer();
        b.WriteUleb128(v);
        return b.WrittenSpan.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
