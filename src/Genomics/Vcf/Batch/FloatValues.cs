namespace Genomics.Vcf;

/// <summary>32-bit floating-point values.</summary>
public sealed class FloatValues : VcfValues
{
    private readonly ValueBuffer<float> values = new();

    internal FloatValues()
        : base(VcfValueType.Float)
    {
    }

    /// <summary>The values (read a slot only where <see cref="VcfValues.Validity"/> is true).</summary>
    public ReadOnlyMemory<float> Values => values.AsMemory();

    public override long ByteSize => Count * 5L;

    /// <summary>The storage, for the per-sample fast path (valid until the next append).</summary>
    internal float[] Items => values.Items;

    internal override void Clear()
    {
        base.Clear();
        values.Clear();
    }

    internal void Append(float value)
    {
        ValidityBuffer.Add(true);
        values.Add(value);
    }

    internal void AppendNull()
    {
        ValidityBuffer.Add(false);
        values.Add(0);
    }

    internal void Set(int index, float value)
    {
        ValidityBuffer[index] = true;
        values[index] = value;
    }

    internal override int AppendNulls(int count)
    {
        var first = Count;
        ValidityBuffer.AddRepeated(false, count);
        values.AddRepeated(0, count);
        return first;
    }

    internal override void Truncate(int count)
    {
        ValidityBuffer.Truncate(count);
        values.Truncate(count);
    }

    internal override void Restride(int rowStart, int samples, int oldStride, int newStride)
    {
        Restride(ValidityBuffer, rowStart, samples, oldStride, newStride, false);
        Restride(values, rowStart, samples, oldStride, newStride, 0f);
    }
}
