using System.Text;

namespace Genomics.Vcf;

/// <summary>
/// UTF-8 strings, Arrow style: slot i is <c>Data[Offsets[i]..Offsets[i + 1]]</c>. Appended in order only; FORMAT
/// strings are gathered per row first (see <see cref="VcfFormatColumn"/>).
/// </summary>
public sealed class StringValues : VcfValues
{
    private readonly ValueBuffer<int> offsets = new();
    private readonly ValueBuffer<byte> data = new(256);

    internal StringValues(VcfValueType type = VcfValueType.String)
        : base(type)
    {
        offsets.Add(0);
    }

    /// <summary><see cref="VcfValues.Count"/> + 1 offsets into <see cref="Data"/>.</summary>
    public ReadOnlyMemory<int> Offsets => offsets.AsMemory();

    /// <summary>The bytes of every string, back to back.</summary>
    public ReadOnlyMemory<byte> Data => data.AsMemory();

    public override long ByteSize => (Count * 5L) + data.Count;

    /// <summary>The bytes of slot <paramref name="index"/> (empty when null).</summary>
    public ReadOnlySpan<byte> GetBytes(int index) => data.AsSpan()[offsets[index]..offsets[index + 1]];

    /// <summary>Slot <paramref name="index"/> as a string, or null.</summary>
    public string? GetString(int index) => IsNull(index) ? null : Encoding.UTF8.GetString(GetBytes(index));

    internal override void Clear()
    {
        base.Clear();
        offsets.Clear();
        offsets.Add(0);
        data.Clear();
    }

    internal void Append(ReadOnlySpan<byte> value)
    {
        ValidityBuffer.Add(true);
        data.AddRange(value);
        offsets.Add(data.Count);
    }

    internal void AppendNull()
    {
        ValidityBuffer.Add(false);
        offsets.Add(data.Count);
    }

    internal override int AppendNulls(int count)
    {
        var first = Count;
        ValidityBuffer.AddRepeated(false, count);
        offsets.AddRepeated(data.Count, count);
        return first;
    }

    internal override void Truncate(int count)
    {
        if (count >= Count)
        {
            return;
        }

        ValidityBuffer.Truncate(count);
        offsets.Truncate(count + 1);
        data.Truncate(offsets[count]);
    }

    internal override void Restride(int rowStart, int samples, int oldStride, int newStride) =>
        throw new NotSupportedException("Strings are gathered per row and appended in their final layout.");
}
