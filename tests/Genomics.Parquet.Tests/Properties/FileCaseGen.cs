using FsCheck;
using FsCheck.Fluent;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>The shape of one field: a primitive (Type set) or a LIST of <see cref="Element"/>.</summary>
internal sealed record FieldSpec(ParquetValueType? Type, bool Nullable, FieldSpec? Element, ParquetColumnEncoding Encoding)
{
    public ParquetField ToField(string name) => Element is null
        ? ParquetField.Primitive(name, Type!.Value, Nullable, Encoding)
        : ParquetField.List(name, Element.ToField("element"), Nullable);

    public override string ToString() => Element is null
        ? $"{Type}{(Nullable ? "?" : "")}{(Encoding == ParquetColumnEncoding.Auto ? "" : "/" + Encoding)}"
        : $"LIST<{Element}>{(Nullable ? "?" : "")}";
}

/// <summary>
/// A whole-file case: schema, writer options, rows per row group, and the seed the column data is drawn
/// from (the data itself is derived from the seed so a failing case prints compactly and replays exactly).
/// </summary>
internal sealed record FileCase(FieldSpec[] Fields, ParquetWriterOptions Options, int[] RowGroupRows, int Seed)
{
    public ParquetSchema Schema => new(Fields.Select((f, i) => f.ToField("c" + i)));

    public override string ToString() =>
        $"fields [{string.Join(", ", Fields.Select(f => f.ToString()))}], rows [{string.Join(",", RowGroupRows)}], seed {Seed}, " +
        $"{Options.Compression} dict={Options.UseDictionary} v2={Options.DataPageV2} page={Options.DataPageSize} dictLimit={Options.DictionaryPageSizeLimit} " +
        $"pageIndex={Options.WritePageIndex} stats={Options.WriteStatistics}";
}

internal static class FileCaseGen
{
    private static readonly ParquetValueType[] AllTypes = Enum.GetValues<ParquetValueType>();

    private static readonly string[] Words = ["", "A", "C", "chr1", "chr22", "é", "中文", "\U0001F9EC", "ACGTACGTACGT", new string('N', 70), "a\0b"];

    public static Gen<FieldSpec> Leaf { get; } =
        Gen.Zip(Gen.Elements(AllTypes), Gen.Elements(true, false)).SelectMany(t =>
        {
            var (type, nullable) = t;
            var integer = type is ParquetValueType.Int8 or ParquetValueType.Int16 or ParquetValueType.Int32 or ParquetValueType.Int64;
            var encodings = integer
                ? Gen.Elements(ParquetColumnEncoding.Auto, ParquetColumnEncoding.Plain, ParquetColumnEncoding.Delta)
                : Gen.Elements(ParquetColumnEncoding.Auto, ParquetColumnEncoding.Plain);
            return encodings.Select(e => new FieldSpec(type, nullable, null, e));
        });

    public static Gen<FieldSpec> Field(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Gen.Zip(Field(depth - 1), Gen.Elements(true, false)).Select(t => new FieldSpec(null, t.Item2, t.Item1, ParquetColumnEncoding.Auto))));

    public static Gen<ParquetWriterOptions> Options { get; } =
        Gen.Zip(
            PropertyRunner.Zip(Gen.Elements(ParquetCompression.None, ParquetCompression.Snappy, ParquetCompression.Gzip, ParquetCompression.Zstd), Gen.Elements(true, false), Gen.Elements(true, false)),
            PropertyRunner.Zip(
                Gen.Frequency((4, Gen.Choose(64, 4096)), (1, Gen.Constant(1 << 20))),
                Gen.Frequency((2, Gen.Choose(8, 512)), (1, Gen.Choose(512, 4096)), (1, Gen.Constant(1 << 20))),
                Gen.Zip(Gen.Elements(true, false), Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false))))))
        .Select(t => new ParquetWriterOptions
        {
            Compression = t.Item1.Item1,
            UseDictionary = t.Item1.Item2,
            DataPageV2 = t.Item1.Item3,
            DataPageSize = t.Item2.Item1,
            DictionaryPageSizeLimit = t.Item2.Item2,
            WritePageIndex = t.Item2.Item3.Item1,
            WriteStatistics = t.Item2.Item3.Item2,
        });

    public static Gen<FileCase> Cases { get; } =
        PropertyRunner.Zip(
            Gen.Choose(1, 8).SelectMany(n => Field(3).ArrayOf(n)),
            Options,
            Gen.Choose(1, 4).SelectMany(n => Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 120)), (3, Gen.Choose(120, 400))).ArrayOf(n)))
        .SelectMany(t => Gen.Choose(0, int.MaxValue).Select(seed => new FileCase(t.Item1, t.Item2, t.Item3, seed)));

    /// <summary>The columns of every row group, drawn from the case's seed.</summary>
    public static List<ColumnArray[]> Data(FileCase c)
    {
        var rng = new Random(c.Seed);
        return [.. c.RowGroupRows.Select(rows => c.Fields.Select(f => Column(f, rows, rng)).ToArray())];
    }

    /// <summary>An array of <paramref name="slots"/> slots for a field (a LIST's child gets as many slots as its lists need, plus padding).</summary>
    public static ColumnArray Column(FieldSpec field, int slots, Random rng)
    {
        // Per column: how many nulls (none, few, half, all), and whether a no-null column still carries a validity mask.
        var nullRate = field.Nullable ? new[] { 0.0, 0.1, 0.5, 1.0 }[rng.Next(4)] : 0.0;
        bool[]? validity = null;
        if (nullRate > 0 || (rng.Next(4) == 0 && field.Nullable) || rng.Next(8) == 0)
        {
            validity = [.. Enumerable.Range(0, slots).Select(_ => rng.NextDouble() >= nullRate)];
        }

        if (field.Element is null)
        {
            return Values(field.Type!.Value, slots, validity, rng);
        }

        var longLists = slots < 200 && rng.Next(4) == 0; // long lists only where they cannot multiply into huge nested columns
        var offsets = new int[slots + 1];
        offsets[0] = rng.Next(3) == 0 ? rng.Next(1, 4) : 0;
        for (var i = 0; i < slots; i++)
        {
            var isNull = validity is not null && !validity[i];
            // A null list usually has an empty range, but a non-empty one is legal and must be ignored.
            var len = isNull ? (rng.Next(5) == 0 ? rng.Next(1, 3) : 0) : rng.Next(5) == 0 ? 0 : rng.Next(1, longLists ? 30 : 5);
            offsets[i + 1] = offsets[i] + len;
        }

        var childSlots = offsets[slots] + (rng.Next(3) == 0 ? rng.Next(1, 4) : 0);
        var child = Column(field.Element, childSlots, rng);
        return new ListArray(offsets, child, Mask(validity));
    }

    private static ColumnArray Values(ParquetValueType type, int n, bool[]? validityArray, Random rng)
    {
        // A null bool[] would convert to an empty (not absent) mask, so pass "no mask" explicitly.
        var validity = Mask(validityArray);
        var flavor = rng.Next(4); // 0 full range, 1 few distinct, 2 sorted / slowly changing, 3 special values
        switch (type)
        {
            case ParquetValueType.Boolean:
                {
                    var constant = rng.Next(2) == 0;
                    return new PrimitiveArray<bool>(Make(n, _ => flavor == 1 ? constant : rng.Next(2) == 0), validity);
                }

            case ParquetValueType.Int8:
                {
                    sbyte[] few = flavor == 1 ? [-1, 0, 1, 2] : [-100, 5, 77];
                    return new PrimitiveArray<sbyte>(Make(n, i => flavor is 1 or 3 ? few[rng.Next(few.Length)] : flavor == 2 ? (sbyte)(i / 7) : (sbyte)rng.Next(-128, 128)), validity);
                }

            case ParquetValueType.Int16:
                return new PrimitiveArray<short>(Integers(n, flavor, rng, short.MinValue, short.MaxValue).Select(v => (short)v).ToArray(), validity);
            case ParquetValueType.Int32:
                return new PrimitiveArray<int>(Integers(n, flavor, rng, int.MinValue, int.MaxValue).Select(v => (int)v).ToArray(), validity);
            case ParquetValueType.Int64:
                return new PrimitiveArray<long>(Integers(n, flavor, rng, long.MinValue, long.MaxValue), validity);
            case ParquetValueType.Float:
                {
                    float[] special = [float.NaN, BitConverter.Int32BitsToSingle(0x7FC00001), BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00000)), BitConverter.Int32BitsToSingle(0x7F800001),
                        -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1f];
                    return new PrimitiveArray<float>(Make(n, i => flavor switch
                    {
                        0 => BitConverter.Int32BitsToSingle(rng.Next(int.MinValue, int.MaxValue)),
                        1 => special[rng.Next(3, 7)],
                        2 => i * 0.25f,
                        _ => special[rng.Next(special.Length)],
                    }), validity);
                }

            case ParquetValueType.Double:
                {
                    double[] special = [double.NaN, BitConverter.Int64BitsToDouble(0x7FF8000000000001), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000)), BitConverter.Int64BitsToDouble(0x7FF0000000000001),
                        -0d, 0d, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1d];
                    return new PrimitiveArray<double>(Make(n, i => flavor switch
                    {
                        0 => BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue)),
                        1 => special[rng.Next(3, 7)],
                        2 => i * 1e-3,
                        _ => special[rng.Next(special.Length)],
                    }), validity);
                }

            case ParquetValueType.String:
                return BinaryArray.FromStrings([.. Enumerable.Range(0, n).Select(i => validityArray is not null && !validityArray[i] ? null : flavor switch
                {
                    1 => Words[rng.Next(4)],
                    2 => "s" + (i / 3).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                    _ => string.Concat(Enumerable.Range(0, rng.Next(0, flavor == 3 ? 12 : 4)).Select(_ => Words[rng.Next(Words.Length)])),
                })]);
            case ParquetValueType.Binary:
                {
                    var items = Enumerable.Range(0, n).Select(i => flavor switch
                    {
                        1 => new[] { (byte)rng.Next(3) },
                        2 => Enumerable.Repeat((byte)0xFF, rng.Next(60, 80)).ToArray(),
                        _ => Enumerable.Range(0, rng.Next(0, flavor == 3 ? 100 : 10)).Select(_ => (byte)rng.Next(256)).ToArray(),
                    }).ToArray();
                    return Binary(items, validityArray);
                }

            default:
                throw new NotSupportedException(type.ToString());
        }
    }

    private static long[] Integers(int n, int flavor, Random rng, long min, long max)
    {
        long[] few = [min, max, 0, -1, 1, 7];
        var walk = rng.NextInt64(min / 2, max / 2);
        return Make(n, _ => flavor switch
        {
            0 => rng.NextInt64(min, max) + rng.Next(2),
            1 => few[rng.Next(2, few.Length)],
            2 => walk = Math.Clamp(walk + rng.Next(-2, 40), min, max),
            // Specials mixed with small values across both edges of the writer's flat dictionary table [-1024, 64512).
            _ => rng.Next(3) == 0 ? few[rng.Next(few.Length)] : rng.NextInt64(Math.Max(min, -1100), Math.Min(max, 66000)),
        });
    }

    private static ReadOnlyMemory<bool>? Mask(bool[]? validity) => validity is null ? default(ReadOnlyMemory<bool>?) : validity.AsMemory();

    private static T[] Make<T>(int n, Func<int, T> f) => [.. Enumerable.Range(0, n).Select(f)];

    private static BinaryArray Binary(byte[][] items, bool[]? validity)
    {
        var offsets = new int[items.Length + 1];
        var data = new List<byte>();
        for (var i = 0; i < items.Length; i++)
        {
            if (validity is null || validity[i])
            {
                data.AddRange(items[i]);
            }

            offsets[i + 1] = data.Count;
        }

        return new BinaryArray(offsets, data.ToArray(), Mask(validity));
    }
}
