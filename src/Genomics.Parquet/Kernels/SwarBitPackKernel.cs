using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Genomics.Parquet.Kernels;

/// <summary>
/// Eight values per step inside a 64-bit register: neighbouring fields are folded together with shifts,
/// halving the field count each round, until the packed bytes sit at the bottom.
/// </summary>
internal sealed class SwarBitPackKernel : BitPackKernel
{
    public override string Name => "swar";

    public override void Pack(ReadOnlySpan<byte> values, int bitWidth, Span<byte> output)
    {
        var groups = values.Length / 8;
        ref var src = ref MemoryMarshal.GetReference(values);
        ref var dst = ref MemoryMarshal.GetReference(output);
        if (output.Length < ((values.Length * bitWidth) + 7) / 8)
        {
            throw new ArgumentException("Output too small.", nameof(output));
        }

        switch (bitWidth)
        {
            case 1:
                for (var g = 0; g < groups; g++)
                {
                    var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, g * 8)) & 0x0101010101010101UL;
                    // The multiply moves byte k's low bit to bit 56 + k.
                    Unsafe.Add(ref dst, g) = (byte)((x * 0x0102040810204080UL) >> 56);
                }

                break;
            case 2:
                for (var g = 0; g < groups; g++)
                {
                    var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, g * 8)) & 0x0303030303030303UL;
                    x = (x | (x >> 6)) & 0x000F000F000F000FUL;
                    x = (x | (x >> 12)) & 0x000000FF000000FFUL;
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, g * 2), (ushort)(x | (x >> 24)));
                }

                break;
            case 4:
                for (var g = 0; g < groups; g++)
                {
                    var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, g * 8)) & 0x0F0F0F0F0F0F0F0FUL;
                    x = (x | (x >> 4)) & 0x00FF00FF00FF00FFUL;
                    x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, g * 4), (uint)(x | (x >> 16)));
                }

                break;
            case 8:
                values.CopyTo(output);
                return;
            default:
                ScalarBitPackKernel.PackFrom(values, 0, bitWidth, output, 0);
                return;
        }

        ScalarBitPackKernel.PackFrom(values, groups * 8, bitWidth, output, groups * bitWidth);
    }
}
