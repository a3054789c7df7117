namespace Genomics.Parquet.Encodings;

/// <summary>Reads the ULEB128 varints of RLE/bit-packed run headers and DELTA_BINARY_PACKED blocks, bounds-checked.</summary>
internal static class Uleb128
{
    /// <param name="data">The bytes.</param>
    /// <param name="pos">Where the varint starts; moved past it.</param>
    /// <param name="what">What the data is, for the error ("level data", "dictionary indices").</param>
    public static ulong Read(ReadOnlySpan<byte> data, ref int pos, string what)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new ParquetFormatException($"{what} ends early");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new ParquetFormatException($"{what}: varint longer than 10 bytes");
    }
}
