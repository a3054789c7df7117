using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Genomics.Parquet.Writing;

/// <summary>
/// The flat (non-list) column: a row is one level and at most one value, so levels, value ranges and row starts follow
/// straight from the runs of the validity mask, with no per-row walk. Produces what the general walk produces.
/// </summary>
internal sealed partial class ShreddedColumn
{
    private bool _flat;
    private bool _flatDense;
    private int _flatRows;

    // Dense value index where each row starts (RowCount + 1 entries), kept only when the column has a validity mask.
    private long[] _flatValueStart = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ShredFlat(ColumnArray array)
    {
        Repetition.Clear();
        Definition.Clear();
        _rowLevelStart.Clear();
        _rowValueStart.Clear();
        _ranges.Clear();
        _rangeDenseStart.Clear();
        ValueCount = 0;
        Leaf = array;
        _flat = true;
        var n = array.Length;
        _flatRows = n;
        var present = Path.Field.Nullable ? 1 : 0;

        // A flat column's repetition level is always 0.
        Repetition.Add(0, n);
        if (array.Validity is null)
        {
            _flatDense = true;
            Definition.Add(present, n);
            AddValues(0, n);
            return;
        }

        _flatDense = false;
        if (_flatValueStart.Length < n + 1)
        {
            _flatValueStart = new long[Math.Max(n + 1, _flatValueStart.Length * 2)];
        }

        var valid = MemoryMarshal.AsBytes(array.Validity.Value.Span[..n]);
        var starts = _flatValueStart.AsSpan(0, n + 1);
        var i = 0;
        while (i < n)
        {
            var rest = valid[i..];
            if (rest[0] != 0)
            {
                var run = rest.IndexOf((byte)0);
                run = run < 0 ? rest.Length : run;
                Definition.Add(present, run);
                var first = ValueCount;
                for (var k = 0; k < run; k++)
                {
                    starts[i + k] = first + k;
                }

                AddValues(i, run);
                i += run;
            }
            else
            {
                var run = rest.IndexOfAnyExcept((byte)0);
                run = run < 0 ? rest.Length : run;

                // A null in a required column keeps level 0, as the general walk gives it.
                Definition.Add(0, run);
                starts.Slice(i, run).Fill(ValueCount);
                i += run;
            }
        }

        starts[n] = ValueCount;
    }
}
