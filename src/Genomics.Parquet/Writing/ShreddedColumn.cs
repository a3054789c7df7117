using Genomics.Parquet.Encodings;

namespace Genomics.Parquet.Writing;

/// <summary>
/// One column chunk turned into Parquet's flat form: repetition and definition levels (as runs) and the
/// ranges of leaf slots that hold values, plus where each row starts in both, so pages can be cut at row
/// boundaries without re-walking the nesting.
/// </summary>
internal sealed partial class ShreddedColumn
{
    private readonly List<long> _rowLevelStart = [];
    private readonly List<long> _rowValueStart = [];
    private readonly List<(int Start, int Count)> _ranges = [];
    private readonly List<long> _rangeDenseStart = [];

    public ShreddedColumn(ColumnPath path)
    {
        Path = path;
    }

    public ColumnPath Path { get; }

    public LevelRuns Repetition { get; } = new();

    public LevelRuns Definition { get; } = new();

    /// <summary>The leaf array whose slots the value ranges index.</summary>
    public ColumnArray Leaf { get; private set; } = null!;

    public int RowCount => _flat ? _flatRows : _rowLevelStart.Count - 1;

    /// <summary>Number of non-null leaf values.</summary>
    public long ValueCount { get; private set; }

    public long LevelCount => Definition.Length;

    /// <summary>Level index where row r starts (r = RowCount gives the end).</summary>
    public long RowLevelStart(int row) => _flat ? row : _rowLevelStart[row];

    /// <summary>Dense value index where row r starts.</summary>
    public long RowValueStart(int row) => !_flat ? _rowValueStart[row] : _flatDense ? row : _flatValueStart[row];

    /// <summary>Flattens rows [0, array.Length) of a top-level column.</summary>
    public void Shred(ColumnArray array)
    {
        if (!Path.Field.IsList)
        {
            ShredFlat(array);
            return;
        }

        ShredNested(array);
    }

    /// <summary>The general walk, one row at a time, for any column (flat ones included: tests compare both paths).</summary>
    internal void ShredNested(ColumnArray array)
    {
        _flat = false;
        Repetition.Clear();
        Definition.Clear();
        _rowLevelStart.Clear();
        _rowValueStart.Clear();
        _ranges.Clear();
        _rangeDenseStart.Clear();
        ValueCount = 0;
        Leaf = FindLeaf(array, Path.Field);
        for (var row = 0; row < array.Length; row++)
        {
            _rowLevelStart.Add(Definition.Length);
            _rowValueStart.Add(ValueCount);
            ShredSlots(array, Path.Field, row, row + 1, 0, 0, 0);
        }

        _rowLevelStart.Add(Definition.Length);
        _rowValueStart.Add(ValueCount);
    }

    /// <summary>The leaf-slot ranges covering dense values [denseStart, denseStart + count).</summary>
    public IEnumerable<(int Start, int Count)> ValueSlices(long denseStart, long count)
    {
        if (count == 0)
        {
            yield break;
        }

        var i = _rangeDenseStart.BinarySearch(denseStart);
        if (i < 0)
        {
            i = ~i - 1;
        }

        var remaining = count;
        var pos = denseStart;
        while (remaining > 0)
        {
            var (start, n) = _ranges[i];
            var skip = (int)(pos - _rangeDenseStart[i]);
            var take = (int)Math.Min(n - skip, remaining);
            yield return (start + skip, take);
            remaining -= take;
            pos += take;
            i++;
        }
    }

    private static ColumnArray FindLeaf(ColumnArray array, ParquetField field)
    {
        while (field.IsList)
        {
            array = ((ListArray)array).Values;
            field = field.Element!;
        }

        return array;
    }

    private void ShredSlots(ColumnArray array, ParquetField field, int start, int end, int definedLevel, int firstRep, int nextRep)
    {
        var present = definedLevel + (field.Nullable ? 1 : 0);
        if (!field.IsList)
        {
            if (array.Validity is null)
            {
                // Dense run: one level run per repetition value and a single value range.
                Repetition.Add(firstRep, 1);
                Repetition.Add(nextRep, end - start - 1);
                Definition.Add(present, end - start);
                AddValues(start, end - start);
                return;
            }

            var validity = array.Validity.Value.Span;
            var runStart = -1;
            for (var i = start; i < end; i++)
            {
                Repetition.Add(i == start ? firstRep : nextRep, 1);
                if (validity[i])
                {
                    Definition.Add(present, 1);
                    if (runStart < 0)
                    {
                        runStart = i;
                    }
                }
                else
                {
                    Definition.Add(definedLevel, 1);
                    if (runStart >= 0)
                    {
                        AddValues(runStart, i - runStart);
                        runStart = -1;
                    }
                }
            }

            if (runStart >= 0)
            {
                AddValues(runStart, end - runStart);
            }

            return;
        }

        var list = (ListArray)array;
        var offsets = list.Offsets.Span;
        var listRep = Path.RepetitionLevelOf(field);
        for (var i = start; i < end; i++)
        {
            var rep = i == start ? firstRep : nextRep;
            if (!list.IsValid(i))
            {
                Repetition.Add(rep, 1);
                Definition.Add(definedLevel, 1);
                continue;
            }

            int o0 = offsets[i], o1 = offsets[i + 1];
            if (o1 < o0)
            {
                throw new ArgumentException($"List offsets of column '{Path.Field.Name}' decrease at slot {i}.");
            }

            if (o0 == o1)
            {
                Repetition.Add(rep, 1);
                Definition.Add(present, 1);
                continue;
            }

            ShredSlots(list.Values, field.Element!, o0, o1, present + 1, rep, listRep);
        }
    }

    private void AddValues(int start, int count)
    {
        if (count == 0)
        {
            return;
        }

        if (_ranges.Count > 0)
        {
            var (s, n) = _ranges[^1];
            if (s + n == start)
            {
                _ranges[^1] = (s, n + count);
                ValueCount += count;
                return;
            }
        }

        _ranges.Add((start, count));
        _rangeDenseStart.Add(ValueCount);
        ValueCount += count;
    }
}
