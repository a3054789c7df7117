using System.Text;

namespace Genomics.Parquet;

/// <summary>
/// Variable-length byte strings (STRING or BINARY): slot i is Data[Offsets[i]..Offsets[i + 1]].
/// </summary>
public sealed class BinaryArray : ColumnArray
{
    public BinaryArray(ReadOnlyMemory<int> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<bool>? validity = null)
        : base(Math.Max(0, offsets.Length - 1), validity)
    {
        if (offsets.Length == 0)
        {
            throw new ArgumentException("Offsets need at least one entry.", nameof(offsets));
        }

        Offsets = offsets;
        Data = data;
    }

    public ReadOnlyMemory<int> Offsets { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public ReadOnlySpan<byte> GetBytes(int index)
    {
        var o = Offsets.Span;
        return Data.Span[o[index]..o[index + 1]];
    }

    public string? GetString(int index) => IsValid(index) ? Encoding.UTF8.GetString(GetBytes(index)) : null;

    /// <summary>Builds an array from strings (null entries become null slots).</summary>
    public static BinaryArray FromStrings(IReadOnlyList<string?> values)
    {
        var offsets = new int[values.Count + 1];
        bool[]? validity = null;
        var total = 0;
        for (var i = 0; i < values.Count; i++)
        {
            total += values[i] is { } s ? Encoding.UTF8.GetByteCount(s) : 0;
        }

        var data = new byte[total];
        var pos = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } s)
            {
                pos += Encoding.UTF8.GetBytes(s, data.AsSpan(pos));
            }
            else
            {
                validity ??= CreateAllValid(values.Count);
                validity[i] = false;
            }

            offsets[i + 1] = pos;
        }

        // A null bool[] would convert to an empty ReadOnlyMemory (not to "no mask") and fail the length check.
        return new BinaryArray(offsets, data, validity is null ? default(ReadOnlyMemory<bool>?) : validity);
    }

    private static bool[] CreateAllValid(int n)
    {
        var v = new bool[n];
        Array.Fill(v, true);
        return v;
    }
}
