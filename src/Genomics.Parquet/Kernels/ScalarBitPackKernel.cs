namespace Genomics.Parquet.Kernels;

/// <summary>Reference bit packing: one value at a time through a bit accumulator.</summary>
internal sealed class ScalarBitPackKernel : BitPackKernel
{
    public override string Name => "scalar";

    public override void Pack(ReadOnlySpan<byte> values, int bitWidth, Span<byte> output) => PackFrom(values, 0, bitWidth, output, 0);

    /// <summary>Packs values[from..] into output[outFrom..]; from must sit on a byte boundary of the output.</summary>
    internal static void PackFrom(ReadOnlySpan<byte> values, int from, int bitWidth, Span<byte> output, int outFrom)
    {
        uint acc = 0;
        var bits = 0;
        var o = outFrom;
        for (var i = from; i < values.Length; i++)
        {
            acc |= (uint)values[i] << bits;
            bits += bitWidth;
            if (bits >= 8)
            {
                output[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            output[o] = (byte)acc;
        }
    }
}
