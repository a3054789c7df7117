using System.Numerics;

namespace Genomics.Parquet.Kernels;

/// <summary>Vectorised minimum and maximum of integer spans (statistics and small-dictionary detection).</summary>
internal static class MinMax
{
    /// <summary>Min and max of a non-empty span. Not for floating point: NaN ordering differs between vector and scalar code.</summary>
    public static void Of<T>(ReadOnlySpan<T> span, out T min, out T max)
        where T : unmanaged, INumber<T>
    {
        var i = 0;
        min = span[0];
        max = span[0];
        if (Vector.IsHardwareAccelerated && span.Length >= Vector<T>.Count * 2)
        {
            var vmin = new Vector<T>(span);
            var vmax = vmin;
            for (i = Vector<T>.Count; i <= span.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(span[i..]);
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
            }

            for (var k = 0; k < Vector<T>.Count; k++)
            {
                min = T.Min(min, vmin[k]);
                max = T.Max(max, vmax[k]);
            }
        }

        for (; i < span.Length; i++)
        {
            min = T.Min(min, span[i]);
            max = T.Max(max, span[i]);
        }
    }
}
