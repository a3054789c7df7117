using System.Runtime.CompilerServices;
using System.Text;
using Genomics.Parquet;

namespace Genomics.Stats;

/// <summary>
/// One row group of summary.parquet being filled straight from tallies: growable arrays per column, strings as UTF-8
/// bytes with offsets, so a row costs no object.
/// </summary>
internal sealed class SummaryColumns
{
    private const int Counts = 11; // n_samples … carriers, in column order, af excluded

    private readonly Utf8Column contig = new(), id = new(), reference = new(), alt = new(), cohort = new();
    private long[] variantIndex, pos;
    private int[] alleleIndex;
    private readonly long[][] counts;
    private double[] af, hwe;
    private bool[] afValid, hweValid;
    private readonly bool[][] countValid;

    /// <param name="capacity">Rows held before the arrays grow: a writer passes its row-group size, so the arrays are
    /// allocated once rather than grown (and copied) through every power of two up to it.</param>
    public SummaryColumns(int capacity = 1024)
    {
        capacity = Math.Max(1, capacity);
        (variantIndex, pos, alleleIndex) = (new long[capacity], new long[capacity], new int[capacity]);
        counts = [.. Enumerable.Range(0, Counts).Select(_ => new long[capacity])];
        (af, hwe, afValid, hweValid) = (new double[capacity], new double[capacity], new bool[capacity], new bool[capacity]);
        countValid = [.. Enumerable.Range(0, Counts).Select(_ => new bool[capacity])];
    }

    public int Count { get; private set; }

    /// <summary>
    /// The rows of one site and ALT, one per cohort: what the rows share (variant, position, strings) is written once
    /// per site and repeated, rather than looked up row by row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddSite(SummarySite site, int allele, IReadOnlyList<string> cohortNames, ReadOnlySpan<AlleleTally> tallies, ReadOnlySpan<double> hweP)
    {
        var k = cohortNames.Count;
        Grow(k);
        var first = Count;
        variantIndex.AsSpan(first, k).Fill(site.VariantIndex);
        pos.AsSpan(first, k).Fill(site.Position);
        alleleIndex.AsSpan(first, k).Fill(allele);
        contig.AddRepeated(site.Contig, k);
        id.AddRepeated(site.Id, k);
        reference.AddRepeated(site.Ref, k);
        alt.AddRepeated(allele <= site.Alts.Count ? site.Alts[allele - 1] : null, k);
        for (var c = 0; c < k; c++)
        {
            var i = first + c;
            ref readonly var t = ref tallies[c];
            cohort.Add(cohortNames[c]);
            counts[0][i] = t.Samples;
            counts[1][i] = t.Called;
            counts[2][i] = t.Missing;
            counts[3][i] = t.AlleleCount;
            counts[4][i] = t.AlleleNumber;
            counts[5][i] = t.HomRef;
            counts[6][i] = t.Het;
            counts[7][i] = t.HomAlt;
            counts[8][i] = t.HemiRef;
            counts[9][i] = t.HemiAlt;
            counts[10][i] = t.Carriers;
            afValid[i] = t.AlleleNumber > 0;
            af[i] = afValid[i] ? (double)t.AlleleCount / t.AlleleNumber : 0;
            var p = hweP[c];
            hweValid[i] = !double.IsNaN(p);
            hwe[i] = hweValid[i] ? p : 0;
        }

        Count += k;
    }

    public void Add(CohortAlleleSummary r)
    {
        Grow();
        var i = Count++;
        variantIndex[i] = r.VariantIndex;
        pos[i] = r.Pos;
        alleleIndex[i] = r.AlleleIndex;
        contig.Add(r.Contig);
        id.Add(r.Id);
        reference.Add(r.Ref);
        alt.Add(r.Alt);
        cohort.Add(r.Cohort);
        long?[] values = [r.NSamples, r.NCalled, r.NMissing, r.Ac, r.An, r.NHomRef, r.NHet, r.NHomAlt, r.NHemiRef, r.NHemiAlt, r.Carriers];
        for (var k = 0; k < Counts; k++)
        {
            // Suppressed counts (disclosure control) are nulls: kept apart by the validity arrays built in ToArrays.
            counts[k][i] = values[k] ?? long.MinValue;
        }

        afValid[i] = r.Af is not null;
        af[i] = r.Af ?? 0;
        hweValid[i] = r.HweP is not null;
        hwe[i] = r.HweP ?? 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<ColumnArray> ToArrays()
    {
        var n = Count;
        var columns = new List<ColumnArray>
        {
            new PrimitiveArray<long>(variantIndex.AsMemory(0, n)),
            contig.ToArray(),
            new PrimitiveArray<long>(pos.AsMemory(0, n)),
            id.ToArray(),
            reference.ToArray(),
            alt.ToArray(),
            new PrimitiveArray<int>(alleleIndex.AsMemory(0, n)),
            cohort.ToArray(),
        };
        for (var k = 0; k < Counts; k++)
        {
            if (k == 5)
            {
                columns.Add(new PrimitiveArray<double>(af.AsMemory(0, n), afValid.AsMemory(0, n)));
            }

            // Buffers are reused for the next row group once this one is written: large arrays are not churned.
            var values = counts[k].AsMemory(0, n);
            var valid = countValid[k].AsSpan(0, n);
            var span = values.Span;
            for (var i = 0; i < n; i++)
            {
                valid[i] = span[i] != long.MinValue;
            }

            columns.Add(new PrimitiveArray<long>(values, countValid[k].AsMemory(0, n)));
        }

        columns.Add(new PrimitiveArray<double>(hwe.AsMemory(0, n), hweValid.AsMemory(0, n)));
        return columns;
    }

    public void Clear()
    {
        Count = 0;
        contig.Clear();
        id.Clear();
        reference.Clear();
        alt.Clear();
        cohort.Clear();
    }

    private void Grow(int more = 1)
    {
        if (Count + more <= variantIndex.Length)
        {
            return;
        }

        var size = Math.Max(variantIndex.Length * 2, Count + more);
        Array.Resize(ref variantIndex, size);
        Array.Resize(ref pos, size);
        Array.Resize(ref alleleIndex, size);
        Array.Resize(ref af, size);
        Array.Resize(ref hwe, size);
        Array.Resize(ref afValid, size);
        Array.Resize(ref hweValid, size);
        for (var k = 0; k < Counts; k++)
        {
            Array.Resize(ref counts[k], size);
            Array.Resize(ref countValid[k], size);
        }
    }

    /// <summary>A string column as UTF-8 bytes and offsets; recently added strings are remembered, since rows repeat a site's strings once per cohort.</summary>
    private sealed class Utf8Column
    {
        private int[] offsets = new int[1025];
        private bool[] valid = new bool[1024];
        private int count;
        private byte[] data = new byte[4096];
        private int length;

        // Strings already encoded in this row group, by reference: a site's strings repeat once per cohort and the
        // cohort names cycle, so most values are copies of bytes written a few rows earlier.
        private const int Recent = 16;
        private readonly string?[] recentValue = new string?[Recent];
        private readonly int[] recentStart = new int[Recent], recentLength = new int[Recent];
        private int lastSlot, nextSlot;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(string? value)
        {
            if (count >= valid.Length)
            {
                Array.Resize(ref valid, valid.Length * 2);
                Array.Resize(ref offsets, valid.Length + 1);
            }

            valid[count] = value is not null;
            if (value is not null)
            {
                var slot = FindRecent(value);
                if (slot >= 0)
                {
                    // The earlier copy ends at or before the write position, so the two never overlap; a resize
                    // copies it along, hence the span is taken after Ensure.
                    var bytes = recentLength[slot];
                    Ensure(bytes);
                    data.AsSpan(recentStart[slot], bytes).CopyTo(data.AsSpan(length));
                    length += bytes;
                    lastSlot = slot;
                }
                else
                {
                    var start = length;
                    var bytes = Encoding.UTF8.GetByteCount(value);
                    Ensure(bytes);
                    length += Encoding.UTF8.GetBytes(value, data.AsSpan(length));
                    slot = nextSlot;
                    nextSlot = (nextSlot + 1) % Recent;
                    (recentValue[slot], recentStart[slot], recentLength[slot]) = (value, start, bytes);
                    lastSlot = slot;
                }
            }

            offsets[++count] = length;
        }

        /// <summary>Adds <paramref name="value"/> <paramref name="times"/> times: encoded (or found) once, then copied.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddRepeated(string? value, int times)
        {
            if (times <= 0)
            {
                return;
            }

            Add(value);
            if (count + times > valid.Length)
            {
                var size = Math.Max(valid.Length * 2, count + times);
                Array.Resize(ref valid, size);
                Array.Resize(ref offsets, size + 1);
            }

            var bytes = offsets[count] - offsets[count - 1];
            valid.AsSpan(count, times - 1).Fill(value is not null);
            Ensure(bytes * (times - 1));
            var source = offsets[count - 1];
            for (var r = 1; r < times; r++)
            {
                data.AsSpan(source, bytes).CopyTo(data.AsSpan(length));
                length += bytes;
                offsets[++count] = length;
            }
        }

        public BinaryArray ToArray() => new(
            offsets.AsMemory(0, count + 1),
            data.AsMemory(0, length),
            valid.AsSpan(0, count).Contains(false) ? valid.AsMemory(0, count) : (ReadOnlyMemory<bool>?)null);

        public void Clear()
        {
            count = 0;
            length = 0;
            Array.Clear(recentValue);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int FindRecent(string value)
        {
            if (ReferenceEquals(recentValue[lastSlot], value))
            {
                return lastSlot;
            }

            for (var k = 0; k < Recent; k++)
            {
                if (ReferenceEquals(recentValue[k], value))
                {
                    return k;
                }
            }

            return -1;
        }

        private void Ensure(int more)
        {
            if (length + more > data.Length)
            {
                Array.Resize(ref data, Math.Max(data.Length * 2, length + more));
            }
        }
    }
}
