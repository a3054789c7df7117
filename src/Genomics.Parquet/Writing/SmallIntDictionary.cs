namespace Genomics.Parquet.Writing;

/// <summary>
/// The dictionary of an Int8 column chunk: its distinct values in ascending order, with a 256-entry table
/// from value to index. When the values form a contiguous range the index is just value − min.
/// </summary>
internal sealed class SmallIntDictionary
{
    private readonly byte[] _indexOf = new byte[256];

    private SmallIntDictionary(List<int> values)
    {
        Values = values;
        for (var i = 0; i < values.Count; i++)
        {
            _indexOf[(byte)(sbyte)values[i]] = (byte)i;
        }

        Min = (sbyte)values[0];
        Contiguous = values[^1] - values[0] + 1 == values.Count;
    }

    public IReadOnlyList<int> Values { get; }

    public int Count => Values.Count;

    public sbyte Min { get; }

    public bool Contiguous { get; }

    public static SmallIntDictionary Build(ReadOnlySpan<sbyte> leaf, IEnumerable<(int Start, int Count)> slices)
    {
        var spans = slices.ToList();
        sbyte min = sbyte.MaxValue, max = sbyte.MinValue;
        foreach (var (s, n) in spans)
        {
            if (n > 0)
            {
                Kernels.MinMax.Of(leaf.Slice(s, n), out var lo, out var hi);
                min = Math.Min(min, lo);
                max = Math.Max(max, hi);
            }
        }

        var values = new List<int>();
        if (max - min < 32)
        {
            // Few candidates: a vectorised search per candidate beats touching a table for every value.
            for (int v = min; v <= max; v++)
            {
                foreach (var (s, n) in spans)
                {
                    if (leaf.Slice(s, n).Contains((sbyte)v))
                    {
                        values.Add(v);
                        break;
                    }
                }
            }
        }
        else
        {
            Span<bool> seen = stackalloc bool[256];
            foreach (var (s, n) in spans)
            {
                foreach (var v in leaf.Slice(s, n))
                {
                    seen[(byte)v] = true;
                }
            }

            for (var v = -128; v < 128; v++)
            {
                if (seen[(byte)(sbyte)v])
                {
                    values.Add(v);
                }
            }
        }

        return new SmallIntDictionary(values);
    }

    /// <summary>Maps values to dictionary indices.</summary>
    public void Map(ReadOnlySpan<sbyte> values, Span<byte> indices)
    {
        if (Contiguous)
        {
            Kernels.ByteOffsetKernel.Best.Apply(values, Min, indices);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            indices[i] = _indexOf[(byte)values[i]];
        }
    }
}
