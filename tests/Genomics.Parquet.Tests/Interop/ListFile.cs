namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// LIST columns in every shape the writer must handle: null lists, empty lists, null and required
/// elements, a list of lists, lists of strings and of INT8, spread over two row groups.
/// </summary>
internal sealed class ListFile
{
    private const int RowsPerGroup = 1500;

    private ListFile(ParquetSchema schema, IReadOnlyList<IReadOnlyList<ColumnArray>> rowGroups)
    {
        Schema = schema;
        RowGroups = rowGroups;
    }

    public ParquetSchema Schema { get; }

    public IReadOnlyList<IReadOnlyList<ColumnArray>> RowGroups { get; }

    public static ParquetSchema BuildSchema() => new(
        ParquetField.List("ints", ParquetField.Primitive("element", ParquetValueType.Int32, nullable: true)),
        ParquetField.List("required_ints", ParquetField.Primitive("element", ParquetValueType.Int32), nullable: false),
        ParquetField.List("nested", ParquetField.List("element", ParquetField.Primitive("element", ParquetValueType.Int32, nullable: true))),
        ParquetField.List("strings", ParquetField.Primitive("element", ParquetValueType.String, nullable: true)),
        ParquetField.List("int8s", ParquetField.Primitive("element", ParquetValueType.Int8)),
        ParquetField.List("doubles", ParquetField.Primitive("element", ParquetValueType.Double, nullable: true)));

    public static ListFile Write(string path, ParquetWriterOptions options)
    {
        var schema = BuildSchema();
        var rowGroups = new List<IReadOnlyList<ColumnArray>>();
        for (var g = 0; g < 2; g++)
        {
            var seed = g * 100;
            rowGroups.Add(
            [
                // Null lists here own two child slots each: a null list's range must be ignored.
                Lists(RowsPerGroup, r => r % 10 == 0 ? null : r % 10 == 1 ? 0 : r % 7, garbageUnderNull: 2,
                    n => InteropData.Column(ParquetValueType.Int32, n, seed + 1, Nulls.Some)),
                Lists(RowsPerGroup, r => r % 9 == 2 ? 0 : (r % 5) + 1, garbageUnderNull: 0,
                    n => InteropData.Column(ParquetValueType.Int32, n, seed + 2, Nulls.None), nullable: false),
                Lists(RowsPerGroup, r => r % 11 == 0 ? null : r % 4, garbageUnderNull: 0,
                    n => Lists(n, j => j % 6 == 5 ? null : j % 4, garbageUnderNull: 0,
                        m => InteropData.Column(ParquetValueType.Int32, m, seed + 3, Nulls.Some))),
                Lists(RowsPerGroup, r => r % 8 == 0 ? null : r % 3, garbageUnderNull: 0,
                    n => InteropData.Column(ParquetValueType.String, n, seed + 4, Nulls.Some)),
                Lists(RowsPerGroup, r => r % 13 == 0 ? null : r % 12 == 1 ? 0 : 2 + (r % 3), garbageUnderNull: 0,
                    n => InteropData.Column(ParquetValueType.Int8, n, seed + 5, Nulls.None)),
                Lists(RowsPerGroup, r => r % 6 == 0 ? null : r % 5, garbageUnderNull: 0,
                    n => InteropData.Column(ParquetValueType.Double, n, seed + 6, Nulls.Some)),
            ]);
        }

        ParquetFiles.Write(path, schema, rowGroups, options);
        return new ListFile(schema, rowGroups);
    }

    /// <summary>
    /// A list column whose row r holds <paramref name="length"/>(r) elements (null = a null list, which then
    /// spans <paramref name="garbageUnderNull"/> child slots), the child made by <paramref name="child"/>(total slots).
    /// </summary>
    public static ListArray Lists(int rows, Func<int, int?> length, int garbageUnderNull, Func<int, ColumnArray> child, bool nullable = true)
    {
        var offsets = new int[rows + 1];
        var validity = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            var n = length(r);
            if (n is null && !nullable)
            {
                throw new ArgumentException("A required list column cannot hold a null list.", nameof(length));
            }

            validity[r] = n is not null;
            offsets[r + 1] = offsets[r] + (n ?? garbageUnderNull);
        }

        return new ListArray(offsets, child(offsets[rows]), InteropData.Mask(nullable ? validity : null));
    }
}
