using System.Text;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// Deterministic column data for the interop tests. Each column draws from a pool of values whose first
/// entries are the awkward ones (type extremes, NaN and infinities, empty and non-ASCII strings) and
/// repeat often enough that a dictionary pays off.
/// </summary>
internal static class InteropData
{
    // At most a quarter of a pool is special values (see Fill).
    private const int PoolSize = 120;

    /// <summary>
    /// A column of <paramref name="rows"/> values of <paramref name="type"/>. With <paramref name="nullability"/>
    /// Some, about one slot in five is null; with All, every slot is. With <paramref name="specials"/> false the
    /// column holds only ordinary values (no extremes or infinities), so its statistics are all checkable
    /// (DuckDB shows no float bound that is infinite).
    /// </summary>
    public static ColumnArray Column(ParquetValueType type, int rows, int seed, Nulls nullability, bool specials = true)
    {
        var random = new Random(seed);
        var validity = Validity(rows, random, nullability);
        return type switch
        {
            ParquetValueType.Boolean => Primitive(rows, random, specials, [true, false], validity),
            ParquetValueType.Int8 => Primitive(rows, random, specials, Pool<sbyte>(random, [sbyte.MinValue, sbyte.MaxValue, 0, -1], r => (sbyte)r.Next(-128, 128)), validity),
            ParquetValueType.Int16 => Primitive(rows, random, specials, Pool<short>(random, [short.MinValue, short.MaxValue, 0, -1], r => (short)r.Next(short.MinValue, short.MaxValue + 1)), validity),
            ParquetValueType.Int32 => Primitive(rows, random, specials, Pool(random, [int.MinValue, int.MaxValue, 0, -1], r => r.Next(int.MinValue, int.MaxValue)), validity),
            ParquetValueType.Int64 => Primitive(rows, random, specials, Pool(random, [long.MinValue, long.MaxValue, 0L, -1L, 1L << 31, -(1L << 31) - 1], r => r.NextInt64(long.MinValue, long.MaxValue)), validity),
            ParquetValueType.Float => Primitive(rows, random, specials, Pool(random, [float.MinValue, float.MaxValue, float.Epsilon, -0.0f, 0.1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity], r => (float)((r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-8, 9)))), validity),
            ParquetValueType.Double => Primitive(rows, random, specials, Pool(random, [double.MinValue, double.MaxValue, double.Epsilon, -0.0, 0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity], r => (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-30, 31))), validity),
            ParquetValueType.String => Strings(rows, random, specials, validity),
            ParquetValueType.Binary => Binaries(rows, random, specials, validity),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    /// <summary>Ascending values with small steps, the shape DELTA_BINARY_PACKED is meant for (genomic positions).</summary>
    public static ColumnArray Ascending(ParquetValueType type, int rows, long start, int seed, Nulls nullability)
    {
        var random = new Random(seed);
        var validity = Validity(rows, random, nullability);
        var values = new long[rows];
        var v = start;
        for (var i = 0; i < rows; i++)
        {
            v += random.Next(0, 300);
            values[i] = v;
        }

        return type == ParquetValueType.Int32
            ? new PrimitiveArray<int>(values.Select(x => checked((int)x)).ToArray(), Mask(validity))
            : new PrimitiveArray<long>(values, Mask(validity));
    }

    /// <summary>
    /// A validity mask for an array constructor. Passing a null bool[] straight in would not give "no mask":
    /// it converts to an empty ReadOnlyMemory, which then claims every slot is out of range.
    /// </summary>
    public static ReadOnlyMemory<bool>? Mask(bool[]? validity) => validity is null ? default(ReadOnlyMemory<bool>?) : new ReadOnlyMemory<bool>(validity);

    /// <summary>Binary values from byte arrays (null entries are null slots).</summary>
    public static BinaryArray FromBytes(IReadOnlyList<byte[]?> values)
    {
        var offsets = new int[values.Count + 1];
        var validity = new bool[values.Count];
        var data = new List<byte>();
        for (var i = 0; i < values.Count; i++)
        {
            validity[i] = values[i] is not null;
            data.AddRange(values[i] ?? []);
            offsets[i + 1] = data.Count;
        }

        return new BinaryArray(offsets, data.ToArray(), validity.All(v => v) ? null : Mask(validity));
    }

    private static bool[]? Validity(int rows, Random random, Nulls nullability)
    {
        if (nullability == Nulls.None)
        {
            return null;
        }

        var validity = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            // Slot 1 is always null so that even short columns have one.
            validity[i] = nullability == Nulls.Some && i != 1 && random.Next(5) != 0;
        }

        return validity;
    }

    private static T[] Pool<T>(Random random, T[] special, Func<Random, T> next)
    {
        var pool = new T[PoolSize];
        for (var i = 0; i < pool.Length; i++)
        {
            pool[i] = i < special.Length ? special[i] : next(random);
        }

        return pool;
    }

    // With specials, valid slots walk through the whole pool first, so every special value is present whatever
    // the nulls; all other picks come from the ordinary part of the pool. Null slots get pool values too: a
    // writer must ignore them, statistics included.
    private static T[] Fill<T>(int rows, Random random, bool specials, T[] pool, bool[]? validity)
    {
        var ordinary = pool.Length / 4;
        var values = new T[rows];
        var valid = 0;
        for (var i = 0; i < rows; i++)
        {
            var isValid = validity is null || validity[i];
            values[i] = specials && isValid && valid < pool.Length ? pool[valid] : pool[random.Next(ordinary, pool.Length)];
            valid += isValid ? 1 : 0;
        }

        return values;
    }

    private static PrimitiveArray<T> Primitive<T>(int rows, Random random, bool specials, T[] pool, bool[]? validity)
        where T : unmanaged
        => new(Fill(rows, random, specials, pool, validity), Mask(validity));

    private static BinaryArray Strings(int rows, Random random, bool specials, bool[]? validity)
    {
        string[] special = ["", "héllo ünïcødé", "🧬 genome", "quote \" and \\ backslash", "tab\tnew\nline\u0001", "chr1", new string('x', 300), "日本語"];
        var pool = Pool(random, special, r => "s" + r.Next(100000) + new string('é', r.Next(4)));
        var values = Fill<string?>(rows, random, specials, pool, validity);
        for (var i = 0; validity is not null && i < rows; i++)
        {
            values[i] = validity[i] ? values[i] : null;
        }

        return BinaryArray.FromStrings(values);
    }

    private static BinaryArray Binaries(int rows, Random random, bool specials, bool[]? validity)
    {
        byte[][] special = [[], [0], [0xFF, 0x00, 0x80], Encoding.UTF8.GetBytes("ACGT"), [.. Enumerable.Range(0, 256).Select(b => (byte)b)]];
        var pool = Pool(random, special, r =>
        {
            var bytes = new byte[r.Next(1, 24)];
            r.NextBytes(bytes);
            return bytes;
        });
        var values = Fill<byte[]?>(rows, random, specials, pool, validity);
        for (var i = 0; validity is not null && i < rows; i++)
        {
            values[i] = validity[i] ? values[i] : null;
        }

        return FromBytes(values);
    }
}
