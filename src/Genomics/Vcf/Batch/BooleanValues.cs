namespace Genomics.Vcf;

/// <summary>Boolean values: INFO flags (true where the key is present, false where it is absent).</summary>
public sealed class BooleanValues : VcfValues
{
    private readonly ValueBuffer<bool> values = new();

    internal BooleanValues()
        : base(VcfValueType.Flag)
    {
    }

    /// <summary>The values.</summary>
    public ReadOnlyMemory<bool> Values => values.AsMemory();

    public override long ByteSize => Count * 2L;

    internal override void Clear()
    {
        base.Clear();
        values.Clear();
    }

    internal void Append(bool value)
    {
        ValidityBuffer.Add(true);
        values.Add(value);
    }

    internal void Set(int index, bool value)
    {
        ValidityBuffer[index] = true;
        values[index] = value;
    }

    internal override int AppendNulls(int count)
    {
        var first = Count;
        ValidityBuffer.AddRepeated(false, count);
        values.AddRepeated(false, count);
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
        Restride(values, rowStart, samples, oldStride, newStride, false);
    }
}
