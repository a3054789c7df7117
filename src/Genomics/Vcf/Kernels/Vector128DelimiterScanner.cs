using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>Scanning 16 bytes at a time: two compares give a bit per delimiter, and the set bits are walked in order.</summary>
internal sealed class Vector128DelimiterScanner : IDelimiterScanner
{
    private const int Width = 16;

    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public SimdLevel Level => SimdLevel.Vector128;

    public bool ScanLine(ReadOnlySpan<byte> text, ref int position, Span<int> delimiters, ref int count)
    {
        ref var source = ref MemoryMarshal.GetReference(text);
        ref var target = ref MemoryMarshal.GetReference(delimiters);
        var tab = Vector128.Create((byte)'\t');
        var newline = Vector128.Create((byte)'\n');
        var index = position;
        var recorded = count;

        while (index <= text.Length - Width)
        {
            var block = Vector128.LoadUnsafe(ref source, (nuint)index);
            var newlines = Vector128.Equals(block, newline).ExtractMostSignificantBits();
            var found = Vector128.Equals(block, tab).ExtractMostSignificantBits() | newlines;
            if (newlines != 0)
            {
                found &= DelimiterBits.UpTo(BitOperations.TrailingZeroCount(newlines));
            }

            // When the block holds more delimiters than there is room for, the scalar loop stops at exactly the right one.
            if (BitOperations.PopCount(found) > delimiters.Length - recorded)
            {
                break;
            }

            recorded = DelimiterBits.Record(found, index, ref target, recorded);
            if (newlines != 0)
            {
                position = index + BitOperations.TrailingZeroCount(newlines) + 1;
                count = recorded;
                return true;
            }

            index += Width;
        }

        position = index;
        count = recorded;
        return ScalarDelimiterScanner.ScanLineUnchecked(text, ref position, delimiters, ref count);
    }
}
