namespace Genomics.Parquet.Tests;

public class PackedCodeListTests
{
    private static readonly sbyte[] Dictionary = [2, -1, 1, 0];

    [Theory]
    [InlineData(1, 7, true, false)]
    [InlineData(4, 40, true, false)]
    [InlineData(10, 33, true, true)]
    [InlineData(37, 50, false, false)]
    [InlineData(0, 5, true, false)]
    [InlineData(1003, 7, true, true)]
    [InlineData(64, 3000, true, false)]
    public void Packed_rows_read_back_as_their_dictionary_values(int listLength, int rows, bool withNulls, bool v2)
    {
        var rng = new Random(listLength * 31 + rows);
        var bytesPerRow = (listLength + 3) / 4;
        var packed = new byte[bytesPerRow * rows];
        var expected = new List<sbyte?>();
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < listLength; k++)
            {
                var code = rng.Next(4);
                if (!withNulls && code == 1)
                {
                    code = 3;
                }

                // Most rows without nulls, some with: both page paths get exercised.
                if (withNulls && code == 1 && r % 3 != 0)
                {
                    code = 0;
                }

                packed[(r * bytesPerRow) + (k / 4)] |= (byte)(code << (2 * (k % 4)));
                expected.Add(code == 1 ? null : Dictionary[code]);
            }

            // Padding bits must be ignored.
            if (listLength % 4 != 0)
            {
                packed[(r * bytesPerRow) + bytesPerRow - 1] |= (byte)(0xFF << (2 * (listLength % 4)));
            }
        }

        var schema = new ParquetSchema(ParquetField.List("dosage", ParquetField.Primitive("element", ParquetValueType.Int8, nullable: withNulls), nullable: false));
        var column = new PackedCodeListArray(packed, rows, listLength, Dictionary, withNulls ? 1 : null);
        using var ms = new MemoryStream();
        using (var w = new ParquetFileWriter(ms, schema, new ParquetWriterOptions { DataPageSize = 256, DataPageV2 = v2, CompressionThreads = 2 }, leaveOpen: true))
        {
            w.WriteRowGroup([column]);
        }

        ms.Position = 0;
        using var reader = new ParquetFileReader(ms, leaveOpen: true);
        var list = (ListArray)reader.ReadColumn(0, 0);
        var values = (PrimitiveArray<sbyte>)list.Values;
        Assert.Equal(rows, list.Length);
        var actual = new List<sbyte?>();
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(listLength, list.Offsets.Span[r + 1] - list.Offsets.Span[r]);
            for (var i = list.Offsets.Span[r]; i < list.Offsets.Span[r + 1]; i++)
            {
                actual.Add(values.IsValid(i) ? values.Values.Span[i] : null);
            }
        }

        Assert.Equal(expected, actual);
        var stats = reader.Metadata.RowGroups[0].Columns[0].MetaData!.Statistics!;
        var present = expected.Where(v => v is not null).Select(v => (int)v!.Value).ToList();
        if (present.Count > 0)
        {
            Assert.Equal(present.Min(), BitConverter.ToInt32(stats.MinValue));
            Assert.Equal(present.Max(), BitConverter.ToInt32(stats.MaxValue));
        }

        Assert.Equal(expected.Count(v => v is null) + (listLength == 0 ? rows : 0), stats.NullCount);
    }
}
