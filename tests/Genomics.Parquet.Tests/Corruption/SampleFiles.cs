namespace Genomics.Parquet.Tests.Corruption;

/// <summary>
/// Small files from our writer for damaging: several column types, dictionary and PLAIN pages (a string
/// column overflows its dictionary mid-chunk), delta, nulls and nested lists, two row groups, many pages.
/// </summary>
internal static class SampleFiles
{
    private static readonly Dictionary<(ParquetCompression, bool), byte[]> Cache = [];

    public static byte[] Get(ParquetCompression compression, bool dataPageV2 = false)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((compression, dataPageV2), out var bytes))
            {
                bytes = Build(compression, dataPageV2);
                Cache[(compression, dataPageV2)] = bytes;
            }

            return bytes;
        }
    }

    public static ParquetSchema Schema { get; } = new(
        ParquetField.Primitive("id", ParquetValueType.Int32),
        ParquetField.Primitive("pos", ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta),
        ParquetField.Primitive("name", ParquetValueType.String, nullable: true),
        ParquetField.Primitive("qual", ParquetValueType.Double, nullable: true),
        ParquetField.Primitive("flag", ParquetValueType.Boolean, nullable: true),
        ParquetField.List("gt", ParquetField.Primitive("element", ParquetValueType.Int8)),
        ParquetField.List("ad", ParquetField.List("element", ParquetField.Primitive("element", ParquetValueType.Int16, nullable: true))));

    public static ColumnArray[] RowGroup(int rows, int seed)
    {
        var rng = new Random(seed);
        bool[] Valid(int n) => [.. Enumerable.Range(0, n).Select(_ => rng.Next(6) != 0)];
        var gtOffsets = new int[rows + 1];
        for (var i = 0; i < rows; i++)
        {
            gtOffsets[i + 1] = gtOffsets[i] + rng.Next(0, 3);
        }

        var adOffsets = new int[rows + 1];
        for (var i = 0; i < rows; i++)
        {
            adOffsets[i + 1] = adOffsets[i] + rng.Next(0, 3);
        }

        var innerOffsets = new int[adOffsets[rows] + 1];
        for (var i = 0; i < adOffsets[rows]; i++)
        {
            innerOffsets[i + 1] = innerOffsets[i] + rng.Next(0, 3);
        }

        return
        [
            new PrimitiveArray<int>(Enumerable.Range(0, rows).Select(_ => rng.Next(0, 5) * 1000).ToArray()),
            new PrimitiveArray<long>(Enumerable.Range(0, rows).Select(i => 1_000_000L + (i * 13) + rng.Next(5)).ToArray()),
            // A few repeated names first (dictionary pages), then distinct ones that overflow the dictionary (PLAIN pages).
            BinaryArray.FromStrings([.. Enumerable.Range(0, rows).Select(i => rng.Next(8) == 0 ? null : "s" + seed + (i < 30 ? i % 4 : i))]),
            // Like name: a dictionary for the first pages, PLAIN once many distinct values arrive.
            new PrimitiveArray<double>(Enumerable.Range(0, rows).Select(i => i < 30 ? (i % 3) * 1.5 : Math.Round(rng.NextDouble() * 60, 1)).ToArray(), Valid(rows)),
            new PrimitiveArray<bool>(Enumerable.Range(0, rows).Select(_ => rng.Next(2) == 0).ToArray(), Valid(rows)),
            new ListArray(gtOffsets, new PrimitiveArray<sbyte>(Enumerable.Range(0, gtOffsets[rows]).Select(_ => (sbyte)rng.Next(-1, 3)).ToArray())),
            new ListArray(adOffsets, new ListArray(innerOffsets, new PrimitiveArray<short>(Enumerable.Range(0, innerOffsets[^1]).Select(_ => (short)rng.Next(0, 99)).ToArray(), Valid(innerOffsets[^1])), Valid(adOffsets[rows])), Valid(rows)),
        ];
    }

    public static ParquetWriterOptions Options(ParquetCompression compression, bool dataPageV2) => new()
    {
        Compression = compression,
        DataPageV2 = dataPageV2,
        DataPageSize = 160,
        DictionaryPageSizeLimit = 64,
    };

    private static byte[] Build(ParquetCompression compression, bool dataPageV2)
    {
        using var ms = new MemoryStream();
        using (var w = new ParquetFileWriter(ms, Schema, Options(compression, dataPageV2), leaveOpen: true))
        {
            w.SetMetadata("sample", "corruption");
            w.WriteRowGroup(RowGroup(40, 1));
            w.WriteRowGroup(RowGroup(25, 2));
        }

        return ms.ToArray();
    }

    /// <summary>Opens the file and reads every column of every row group, as a reader of damaged input would.</summary>
    public static void ReadAll(byte[] file)
    {
        using var r = new ParquetFileReader(new MemoryStream(file, writable: false));
        _ = r.KeyValueMetadata;
        for (var g = 0; g < r.RowGroupCount; g++)
        {
            for (var c = 0; c < r.Schema.Fields.Count; c++)
            {
                var column = r.ReadColumn(g, c);
                Assert.Equal(r.GetRowGroupRowCount(g), column.Length);
            }
        }
    }
}
