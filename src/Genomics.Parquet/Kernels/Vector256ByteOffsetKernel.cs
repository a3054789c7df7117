using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genomics.Parquet.Kernels;

/// <summary>32 values per step; wrap-around subtraction equals the scalar byte arithmetic.</summary>
internal sealed class Vector256ByteOffsetKernel : ByteOffsetKernel
{
    public override string Name => "v256";

    public override void Apply(ReadOnlySpan<sbyte> values, sbyte min, Span<byte> indices)
    {
        var src = MemoryMarshal.AsBytes(values);
        var m = Vector256.Create((byte)min);
        var i = 0;
        for (; i <= src.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
        {
            (Vector256.Create(src[i..]) - m).CopyTo(indices[i..]);
        }

        for (; i < src.Length; i++)
        {
            indices[i] = (byte)(src[i] - (byte)min);
        }
    }
}
