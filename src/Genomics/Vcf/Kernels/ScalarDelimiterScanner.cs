using Genomics.Genotypes.Kernels;

namespace Genomics.Vcf.Kernels;

/// <summary>The specification of scanning: one byte at a time.</summary>
internal sealed class ScalarDelimiterScanner : IDelimiterScanner
{
    public SimdLevel Level => SimdLevel.Scalar;

    public bool ScanLine(ReadOnlySpan<byte> text, ref int position, Span<int> delimiters, ref int count) =>
        ScanLineUnchecked(text, ref position, delimiters, ref count);

    /// <summary>Also finishes the tail the vector implementations leave.</summary>
    internal static bool ScanLineUnchecked(ReadOnlySpan<byte> text, ref int position, Span<int> delimiters, ref int count)
    {
        var index = position;
        var recorded = count;
        while (index < text.Length)
        {
            var value = text[index];
            if (value is (byte)'\t' or (byte)'\n')
            {
                if (recorded == delimiters.Length)
                {
                    break;
                }

                delimiters[recorded++] = index;
                if (value == (byte)'\n')
                {
                    position = index + 1;
                    count = recorded;
                    return true;
                }
            }

            index++;
        }

        position = index;
        count = recorded;
        return false;
    }
}
