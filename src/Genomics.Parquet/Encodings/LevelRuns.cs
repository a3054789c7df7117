namespace Genomics.Parquet.Encodings;

/// <summary>
/// A sequence of small integers (repetition or definition levels) held as (value, count) runs. Dense list
/// columns produce a handful of runs per row however long the lists are, so levels cost O(rows), not O(values).
/// </summary>
internal sealed class LevelRuns
{
    private int[] _values = new int[16];
    private long[] _ends = new long[16];
    private int _count;

    /// <summary>Number of runs.</summary>
    public int RunCount => _count;

    /// <summary>Total number of levels.</summary>
    public long Length => _count == 0 ? 0 : _ends[_count - 1];

    public void Clear() => _count = 0;

    public void Add(int value, long count)
    {
        if (count <= 0)
        {
            return;
        }

        if (_count > 0 && _values[_count - 1] == value)
        {
            _ends[_count - 1] += count;
            return;
        }

        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _count * 2);
            Array.Resize(ref _ends, _count * 2);
        }

        _values[_count] = value;
        _ends[_count] = Length + count;
        _count++;
    }

    /// <summary>Visits the runs covering levels [start, start + length) in order.</summary>
    public void ForEachRun<TVisitor>(long start, long length, ref TVisitor visitor)
        where TVisitor : IRunVisitor
    {
        if (length == 0)
        {
            return;
        }

        var end = start + length;
        var r = FindRun(start);
        var pos = start;
        while (pos < end)
        {
            var runEnd = Math.Min(_ends[r], end);
            visitor.Run(_values[r], runEnd - pos);
            pos = runEnd;
            r++;
        }
    }

    /// <summary>Counts levels in [start, start + length) whose value is below <paramref name="threshold"/>.</summary>
    public long CountBelow(long start, long length, int threshold)
    {
        var v = new BelowCounter { Threshold = threshold };
        ForEachRun(start, length, ref v);
        return v.Count;
    }

    private int FindRun(long position)
    {
        // First run whose end is past position.
        int lo = 0, hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_ends[mid] > position)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private struct BelowCounter : IRunVisitor
    {
        public int Threshold;
        public long Count;

        public void Run(int value, long count)
        {
            if (value < Threshold)
            {
                Count += count;
            }
        }
    }
}
