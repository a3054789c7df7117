namespace Genomics.Vcf;

/// <summary>
/// Integer values, held as 32-bit until one needs 64 bits; from then on (for the rest of the batch) as 64-bit, and
/// <see cref="IsInt64"/> says which array to read.
/// </summary>
public sealed class IntegerValues : VcfValues
{
    private readonly ValueBuffer<int> narrow = new();
    private ValueBuffer<long>? wide;

    internal IntegerValues()
        : base(VcfValueType.Integer)
    {
    }

    /// <summary>Whether some value in this batch needs 64 bits, so <see cref="Int64Values"/> holds them all.</summary>
    public bool IsInt64 { get; private set; }

    /// <summary>The values when <see cref="IsInt64"/> is false.</summary>
    public ReadOnlyMemory<int> Int32Values => IsInt64 ? throw new InvalidOperationException("The values need 64 bits; read Int64Values.") : narrow.AsMemory();

    /// <summary>The values when <see cref="IsInt64"/> is true.</summary>
    public ReadOnlyMemory<long> Int64Values => IsInt64 ? wide!.AsMemory() : throw new InvalidOperationException("The values fit 32 bits; read Int32Values.");

    public override long ByteSize => Count * (IsInt64 ? 9L : 5L);

    /// <summary>Slot <paramref name="index"/> as a 64-bit value (meaningless when null).</summary>
    public long GetInt64(int index) => IsInt64 ? wide![index] : narrow[index];

    internal override void Clear()
    {
        base.Clear();
        narrow.Clear();
        wide?.Clear();
        IsInt64 = false;
    }

    internal void Append(long value)
    {
        ValidityBuffer.Add(true);
        if (IsInt64)
        {
            wide!.Add(value);
        }
        else
        {
            narrow.Add((int)value);
            if (value != (int)value)
            {
                Promote();
                wide![^1] = value;
            }
        }
    }

    internal void Set(int index, long value)
    {
        ValidityBuffer[index] = true;
        if (IsInt64)
        {
            wide![index] = value;
            return;
        }

        narrow[index] = (int)value;
        if (value != (int)value)
        {
            Promote();
            wide![index] = value;
        }
    }

    /// <summary>The 32-bit storage, for the per-sample fast path (valid until the next append or promotion).</summary>
    internal int[] Int32Items => narrow.Items;

    /// <summary>Sets a value known to fit 32 bits (the per-sample fast path).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void SetInt32(int index, int value)
    {
        ValidityBuffer[index] = true;
        if (IsInt64)
        {
            wide![index] = value;
        }
        else
        {
            narrow[index] = value;
        }
    }

    internal override int AppendNulls(int count)
    {
        var first = Count;
        ValidityBuffer.AddRepeated(false, count);
        if (IsInt64)
        {
            wide!.AddRepeated(0, count);
        }
        else
        {
            narrow.AddRepeated(0, count);
        }

        return first;
    }

    internal override void Truncate(int count)
    {
        ValidityBuffer.Truncate(count);
        narrow.Truncate(count);
        wide?.Truncate(count);
    }

    internal override void Restride(int rowStart, int samples, int oldStride, int newStride)
    {
        Restride(ValidityBuffer, rowStart, samples, oldStride, newStride, false);
        if (IsInt64)
        {
            Restride(wide!, rowStart, samples, oldStride, newStride, 0L);
        }
        else
        {
            Restride(narrow, rowStart, samples, oldStride, newStride, 0);
        }
    }

    private void Promote()
    {
        wide ??= new ValueBuffer<long>(narrow.Capacity);
        wide.Clear();
        var target = wide.Extend(narrow.Count);
        var source = narrow.AsSpan();
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i];
        }

        IsInt64 = true;
    }
}
