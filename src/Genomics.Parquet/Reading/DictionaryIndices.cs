using System.Buffers;
using Genomics.Parquet.Encodings;

namespace Genomics.Parquet.Reading;

/// <summary>Dictionary-encoded page values: a bit-width byte, then RLE/bit-packed indices.</summary>
internal static class DictionaryIndices
{
    public static void Decode(ReadOnlySpan<byte> data, Span<uint> indices, int dictionaryCount)
    {
        if (indices.Length == 0)
        {
            return;
        }

        if (data.Length < 1)
        {
            throw new ParquetFormatException("dictionary-encoded page is empty");
        }

        new RleHybridDecoder(data[1..], data[0]).Decode(indices);
        foreach (var i in indices)
        {
            if (i >= (uint)dictionaryCount)
            {
                throw new ParquetFormatException($"dictionary index {i} is past the dictionary's {dictionaryCount} entries");
            }
        }
    }

    public static void Lookup<T>(ReadOnlySpan<byte> data, T[] dictionary, Span<T> output)
    {
        var indices = ArrayPool<uint>.Shared.Rent(output.Length);
        try
        {
            var span = indices.AsSpan(0, output.Length);
            Decode(data, span, dictionary.Length);
            for (var i = 0; i < span.Length; i++)
            {
                output[i] = dictionary[span[i]];
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(indices);
        }
    }
}
