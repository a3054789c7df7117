namespace Genomics.Stats.Kernels;

/// <summary>Argument checks every counter shares, so they all fail the same way on misuse.</summary>
internal static class CohortCodeGuard
{
    public static void Require(int rowLength, int masksLength, int maskStride, int maskCount)
    {
        if (maskCount > 0 && (maskStride < rowLength || masksLength < ((long)(maskCount - 1) * maskStride) + rowLength))
        {
            throw new ArgumentException($"{maskCount} masks of a {rowLength}-byte row, {maskStride} bytes apart, need more than the {masksLength} bytes given.", "masks");
        }
    }
}
