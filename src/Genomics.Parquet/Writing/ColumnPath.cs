namespace Genomics.Parquet.Writing;

/// <summary>
/// A top-level field's leaf column as Parquet sees it: the dotted path through the LIST groups, and the
/// maximum repetition and definition levels.
/// </summary>
internal sealed class ColumnPath
{
    private readonly Dictionary<ParquetField, int> _listRepetition = new(ReferenceEqualityComparer.Instance);

    public ColumnPath(ParquetField field)
    {
        Field = field;
        var path = new List<string> { field.Name };
        var def = 0;
        var rep = 0;
        var f = field;
        while (true)
        {
            if (f.Nullable)
            {
                def++;
            }

            if (!f.IsList)
            {
                break;
            }

            rep++;
            def++;
            _listRepetition[f] = rep;
            path.Add("list");
            path.Add("element");
            f = f.Element!;
        }

        Leaf = f;
        MaxDefinition = def;
        MaxRepetition = rep;
        Path = path;
    }

    public ParquetField Field { get; }

    public ParquetField Leaf { get; }

    public IReadOnlyList<string> Path { get; }

    public int MaxDefinition { get; }

    public int MaxRepetition { get; }

    public int RepetitionLevelOf(ParquetField list) => _listRepetition[list];
}
