namespace Genomics.Vcf;

/// <summary>
/// Writing one variant's values. Numbers go straight to their slot (sample × stride + index); when a sample has more
/// values than the stride allows, the row is re-laid out with a wider stride. Strings cannot be placed out of order,
/// so they wait in <see cref="pendingStrings"/> until the row ends and its stride is known.
/// </summary>
public sealed partial class VcfFormatColumn
{
    private readonly StringValues? pendingStrings;
    private readonly ValueBuffer<long> pendingSlots = new();
    private int rowStart;
    private int stride;
    private int widest;
    private bool strideIsFixed;

    /// <summary>Values per sample in the open row.</summary>
    internal int Stride => stride;

    /// <summary>Opens the row for variant <paramref name="variant"/>.</summary>
    /// <param name="variant">The variant's index in the batch.</param>
    /// <param name="expectedStride">Values per sample the definition implies for this site (a first guess when not fixed).</param>
    /// <param name="isFixed">Whether every sample must have exactly <paramref name="expectedStride"/> values (or one '.').</param>
    internal void BeginRow(int variant, int expectedStride, bool isFixed)
    {
        PadTo(variant);
        stride = Math.Max(expectedStride, isFixed ? 0 : 1);
        strideIsFixed = isFixed;
        widest = isFixed ? stride : 0;
        if (pendingStrings is null)
        {
            rowStart = List.Values.AppendNulls(SampleCount * stride);
        }
        else
        {
            pendingStrings.Clear();
            pendingSlots.Clear();
        }
    }

    /// <summary>Makes room for <paramref name="count"/> values per sample (a variable-count field).</summary>
    internal void Fit(int count)
    {
        widest = Math.Max(widest, count);
        if (count > stride)
        {
            if (pendingStrings is null)
            {
                List.Values.Restride(rowStart, SampleCount, stride, count);
            }

            stride = count;
        }
    }

    /// <summary>The slot of value <paramref name="index"/> of sample <paramref name="sample"/> (numbers only).</summary>
    internal int Slot(int sample, int index) => rowStart + (sample * stride) + index;

    /// <summary>Queues a string value of the open row.</summary>
    internal void AddString(int sample, int index, ReadOnlySpan<byte> value)
    {
        pendingStrings!.Append(value);
        pendingSlots.Add(SlotKey(sample, index));
    }

    /// <summary>Closes the open row: narrows a variable stride to the most values any sample had, and places strings.</summary>
    internal void EndRow()
    {
        var final = strideIsFixed ? stride : Math.Max(widest, 1);
        if (pendingStrings is not null)
        {
            PlaceStrings(final);
        }
        else if (final < stride)
        {
            List.Values.Restride(rowStart, SampleCount, stride, final);
        }

        stride = final;
        valuesPerSample.Add(final);
        List.EndList(true);
    }

    private static long SlotKey(int sample, int index) => ((long)sample << 32) | (uint)index;

    private void PlaceStrings(int final)
    {
        var target = (StringValues)List.Values;
        var next = 0;
        for (var sample = 0; sample < SampleCount; sample++)
        {
            for (var index = 0; index < final; index++)
            {
                if (next < pendingSlots.Count && pendingSlots[next] == SlotKey(sample, index))
                {
                    target.Append(pendingStrings!.GetBytes(next));
                    next++;
                }
                else
                {
                    target.AppendNull();
                }
            }
        }
    }
}
