namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// The file the writer matrix tests write for one (codec, dictionary, page version) combination: every
/// value type as a required and as a nullable column, plus columns with a fixed encoding, over three row
/// groups: the first holds the special values (extremes, NaN, infinities, odd strings), the second only ordinary
/// ones, and the last leaves the nullable columns entirely null (such chunks must be PLAIN, with no empty
/// dictionary). A small page size gives several pages per chunk.
/// </summary>
internal sealed class MatrixFile
{
    public const string MetadataKey = "genomics.interop";
    public const string MetadataValue = "matrix ✓ 🧬";

    private static readonly int[] RowGroupSizes = [1000, 777, 60];

    private MatrixFile(ParquetSchema schema, IReadOnlyList<IReadOnlyList<ColumnArray>> rowGroups, ParquetWriterOptions options)
    {
        Schema = schema;
        RowGroups = rowGroups;
        Options = options;
    }

    public ParquetSchema Schema { get; }

    /// <summary>The arrays passed to each WriteRowGroup call, one per schema field.</summary>
    public IReadOnlyList<IReadOnlyList<ColumnArray>> RowGroups { get; }

    public ParquetWriterOptions Options { get; }

    public static ParquetSchema BuildSchema()
    {
        var fields = new List<ParquetField>();
        foreach (var type in Enum.GetValues<ParquetValueType>())
        {
            fields.Add(ParquetField.Primitive(Name(type, nullable: false), type));
            fields.Add(ParquetField.Primitive(Name(type, nullable: true), type, nullable: true));
        }

        fields.Add(ParquetField.Primitive("int32_plain", ParquetValueType.Int32, nullable: true, encoding: ParquetColumnEncoding.Plain));
        fields.Add(ParquetField.Primitive("int32_delta", ParquetValueType.Int32, nullable: true, encoding: ParquetColumnEncoding.Delta));
        fields.Add(ParquetField.Primitive("int64_delta", ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta));
        return new ParquetSchema(fields);
    }

    public static string Name(ParquetValueType type, bool nullable) => type.ToString().ToLowerInvariant() + (nullable ? "_opt" : "_req");

    /// <summary>Writes the file to <paramref name="path"/> with our writer.</summary>
    public static MatrixFile Write(string path, ParquetCompression compression, bool dictionary, bool pageV2)
    {
        var options = new ParquetWriterOptions
        {
            Compression = compression,
            UseDictionary = dictionary,
            DataPageV2 = pageV2,
            DataPageSize = 2048,
        };
        var schema = BuildSchema();
        var rowGroups = new List<IReadOnlyList<ColumnArray>>();
        for (var g = 0; g < RowGroupSizes.Length; g++)
        {
            var rows = RowGroupSizes[g];
            var lastGroup = g == RowGroupSizes.Length - 1;
            var columns = new List<ColumnArray>();
            foreach (var field in schema.Fields)
            {
                var seed = (g * 1000) + schema.IndexOf(field.Name);
                var nulls = !field.Nullable ? Nulls.None : lastGroup ? Nulls.All : Nulls.Some;
                columns.Add(field.Encoding == ParquetColumnEncoding.Delta
                    ? InteropData.Ascending(field.ValueType!.Value, rows, start: (g * 1_000_000L) - 5, seed, nulls)
                    : InteropData.Column(field.ValueType!.Value, rows, seed, nulls, specials: g == 0));
            }

            rowGroups.Add(columns);
        }

        ParquetFiles.Write(path, schema, rowGroups, options, new Dictionary<string, string> { [MetadataKey] = MetadataValue });
        return new MatrixFile(schema, rowGroups, options);
    }

    /// <summary>Every (codec, dictionary, DataPage V2) combination.</summary>
    public static TheoryData<ParquetCompression, bool, bool> Combinations()
    {
        var data = new TheoryData<ParquetCompression, bool, bool>();
        foreach (var codec in Enum.GetValues<ParquetCompression>())
        {
            foreach (var dictionary in new[] { false, true })
            {
                foreach (var v2 in new[] { false, true })
                {
                    data.Add(codec, dictionary, v2);
                }
            }
        }

        return data;
    }
}
