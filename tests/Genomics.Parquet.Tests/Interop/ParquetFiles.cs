namespace Genomics.Parquet.Tests.Interop;

/// <summary>Writes test files with our writer and reads them back with our reader.</summary>
internal static class ParquetFiles
{
    public static void Write(string path, ParquetSchema schema, IEnumerable<IReadOnlyList<ColumnArray>> rowGroups, ParquetWriterOptions options, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = File.Create(path);
        using var writer = new ParquetFileWriter(stream, schema, options);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            writer.SetMetadata(key, value);
        }

        foreach (var columns in rowGroups)
        {
            writer.WriteRowGroup(columns);
        }

        writer.Close();
    }

    /// <summary>Every column of every row group, as our reader returns them.</summary>
    public static (ParquetSchema Schema, List<IReadOnlyList<ColumnArray>> RowGroups) ReadAll(string path)
    {
        using var reader = ParquetFileReader.Open(path);
        var rowGroups = new List<IReadOnlyList<ColumnArray>>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var columns = new List<ColumnArray>();
            for (var c = 0; c < reader.Schema.Fields.Count; c++)
            {
                columns.Add(reader.ReadColumn(g, c));
            }

            rowGroups.Add(columns);
        }

        return (reader.Schema, rowGroups);
    }
}
