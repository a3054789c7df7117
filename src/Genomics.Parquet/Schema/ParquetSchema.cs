namespace Genomics.Parquet;

/// <summary>The top-level fields of a file, in column order.</summary>
public sealed class ParquetSchema
{
    public ParquetSchema(IEnumerable<ParquetField> fields)
    {
        Fields = [.. fields];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Fields)
        {
            if (!names.Add(f.Name))
            {
                throw new ArgumentException($"Duplicate column name '{f.Name}'.", nameof(fields));
            }
        }
    }

    public ParquetSchema(params ParquetField[] fields)
        : this((IEnumerable<ParquetField>)fields)
    {
    }

    public IReadOnlyList<ParquetField> Fields { get; }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
