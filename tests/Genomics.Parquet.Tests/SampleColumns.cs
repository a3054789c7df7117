namespace Genomics.Parquet.Tests;

/// <summary>Builds columns of every supported shape for round-trip tests.</summary>
internal static class SampleColumns
{
    public static (ParquetSchema Schema, ColumnArray[] Columns) AllTypes(int rows, int seed)
    {
        var rng = new Random(seed);
        bool[] Validity(int n) => [.. Enumerable.Range(0, n).Select(_ => rng.Next(5) != 0)];

        var schema = new ParquetSchema(
            ParquetField.Primitive("b", ParquetValueType.Boolean, nullable: true),
            ParquetField.Primitive("i8", ParquetValueType.Int8),
            ParquetField.Primitive("i16", ParquetValueType.Int16, nullable: true),
            ParquetField.Primitive("i32", ParquetValueType.Int32),
            ParquetField.Primitive("i64", ParquetValueType.Int64, nullable: true),
            ParquetField.Primitive("pos", ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta),
            ParquetField.Primitive("f", ParquetValueType.Float, nullable: true),
            ParquetField.Primitive("d", ParquetValueType.Double),
            ParquetField.Primitive("s", ParquetValueType.String, nullable: true),
            ParquetField.List("gt", ParquetField.Primitive("element", ParquetValueType.Int8), nullable: false),
            ParquetField.List("alt", ParquetField.Primitive("element", ParquetValueType.String, nullable: true)),
            ParquetField.List("nested", ParquetField.List("element", ParquetField.Primitive("element", ParquetValueType.Int32, nullable: true))));

        var listOffsets = new int[rows + 1];
        for (var i = 0; i < rows; i++)
        {
            listOffsets[i + 1] = listOffsets[i] + rng.Next(0, 6);
        }

        var gtValues = Enumerable.Range(0, listOffsets[rows]).Select(_ => (sbyte)rng.Next(-1, 3)).ToArray();
        var altStrings = Enumerable.Range(0, listOffsets[rows]).Select(i => rng.Next(6) == 0 ? null : "A" + new string('C', rng.Next(0, 4))).ToArray();
        var innerOffsets = new int[listOffsets[rows] + 1];
        for (var i = 0; i < listOffsets[rows]; i++)
        {
            innerOffsets[i + 1] = innerOffsets[i] + rng.Next(0, 3);
        }

        var inner = new PrimitiveArray<int>(Enumerable.Range(0, innerOffsets[^1]).Select(_ => rng.Next()).ToArray(), Validity(innerOffsets[^1]));
        var columns = new ColumnArray[]
        {
            new PrimitiveArray<bool>(Enumerable.Range(0, rows).Select(_ => rng.Next(2) == 0).ToArray(), Validity(rows)),
            new PrimitiveArray<sbyte>(Enumerable.Range(0, rows).Select(_ => (sbyte)rng.Next(-128, 128)).ToArray()),
            new PrimitiveArray<short>(Enumerable.Range(0, rows).Select(_ => (short)rng.Next(-32768, 32768)).ToArray(), Validity(rows)),
            new PrimitiveArray<int>(Enumerable.Range(0, rows).Select(_ => rng.Next(int.MinValue, int.MaxValue)).ToArray()),
            new PrimitiveArray<long>(Enumerable.Range(0, rows).Select(_ => rng.NextInt64(long.MinValue, long.MaxValue)).ToArray(), Validity(rows)),
            new PrimitiveArray<long>(Enumerable.Range(0, rows).Select(i => 10_000L + (i * 37L) + rng.Next(30)).ToArray()),
            new PrimitiveArray<float>(Enumerable.Range(0, rows).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray(), Validity(rows)),
            new PrimitiveArray<double>(Enumerable.Range(0, rows).Select(_ => rng.NextDouble() * 1e6).ToArray()),
            BinaryArray.FromStrings([.. Enumerable.Range(0, rows).Select(i => rng.Next(4) == 0 ? null : "chr" + rng.Next(1, 23) + (i % 7 == 0 ? "é" : ""))]),
            new ListArray(listOffsets, new PrimitiveArray<sbyte>(gtValues)),
            new ListArray(listOffsets, BinaryArray.FromStrings(altStrings), Validity(rows)),
            new ListArray(listOffsets, new ListArray(innerOffsets, inner, Validity(listOffsets[rows])), Validity(rows)),
        };
        return (schema, columns);
    }
}
