namespace Genomics.Parquet.Kernels;

/// <summary>Reference implementation of <see cref="ByteOffsetKernel"/>.</summary>
internal sealed class ScalarByteOffsetKernel : ByteOffsetKernel
{
    public override string Name => "scalar";

    public override void Apply(ReadOnlySpan<sbyte> values, sbyte min, Span<byte> indices)
    {
        for (var i = 0; i < values.Length; i++)
        {
            indices[i] = (byte)(values[i] - min);
        }
    }
}
