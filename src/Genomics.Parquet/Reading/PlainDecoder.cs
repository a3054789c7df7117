using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Genomics.Parquet.Encodings;
using Genomics.Parquet.Format;

namespace Genomics.Parquet.Reading;

/// <summary>Decoders for fixed-width physical values (PLAIN, DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT, RLE booleans).</summary>
internal static class PlainDecoder
{
    public static int Width(PhysicalType physical) => physical switch
    {
        PhysicalType.Int32 or PhysicalType.Float => 4,
        PhysicalType.Int64 or PhysicalType.Double => 8,
        PhysicalType.Int96 => 12,
        _ => throw new ParquetFormatException($"physical type {physical} has no fixed width"),
    };

    /// <summary>Decodes count values of a numeric physical type as T (narrowing INT32 for Int8/Int16 columns).</summary>
    public static void Decode<T>(ReadOnlySpan<byte> data, Encoding encoding, PhysicalType physical, Span<T> output)
        where T : unmanaged
    {
        var count = output.Length;
        if (typeof(T) == typeof(bool))
        {
            DecodeBooleans(data, encoding, MemoryMarshal.Cast<T, bool>(output));
            return;
        }

        switch (encoding)
        {
            case Encoding.Plain:
                {
                    var width = Width(physical);
                    if ((long)count * width > data.Length)
                    {
                        throw new ParquetFormatException($"PLAIN page holds {data.Length} bytes, too few for {count} values");
                    }

                    Convert(data[..(count * width)], physical, output);
                    return;
                }

            case Encoding.ByteStreamSplit:
                {
                    var width = Width(physical);
                    if ((long)count * width > data.Length)
                    {
                        throw new ParquetFormatException($"BYTE_STREAM_SPLIT page holds {data.Length} bytes, too few for {count} values");
                    }

                    // The stream count is the page's value count (non-null values), so stream k starts at k × count.
                    var joined = new byte[count * width];
                    for (var i = 0; i < count; i++)
                    {
                        for (var k = 0; k < width; k++)
                        {
                            joined[(i * width) + k] = data[(k * count) + i];
                        }
                    }

                    Convert(joined, physical, output);
                    return;
                }

            case Encoding.DeltaBinaryPacked:
                {
                    if (physical is not (PhysicalType.Int32 or PhysicalType.Int64))
                    {
                        throw new ParquetFormatException($"DELTA_BINARY_PACKED used for {physical}");
                    }

                    var longs = new long[count];
                    DeltaBinaryPacked.Decode(data, longs, out var n);
                    if (n != count)
                    {
                        throw new ParquetFormatException($"DELTA_BINARY_PACKED page holds {n} values, expected {count}");
                    }

                    for (var i = 0; i < count; i++)
                    {
                        output[i] = Narrow<T>(longs[i]);
                    }

                    return;
                }

            default:
                throw new ParquetFormatException($"encoding {encoding} is not supported for {physical} values");
        }
    }

    private static void DecodeBooleans(ReadOnlySpan<byte> data, Encoding encoding, Span<bool> output)
    {
        if (encoding == Encoding.Plain)
        {
            if ((output.Length + 7) / 8 > data.Length)
            {
                throw new ParquetFormatException("BOOLEAN page too short for its values");
            }

            for (var i = 0; i < output.Length; i++)
            {
                output[i] = ((data[i >> 3] >> (i & 7)) & 1) != 0;
            }

            return;
        }

        if (encoding == Encoding.Rle)
        {
            if (data.Length < 4)
            {
                throw new ParquetFormatException("RLE boolean page lacks its length prefix");
            }

            var len = BinaryPrimitives.ReadInt32LittleEndian(data);
            if (len < 0 || len > data.Length - 4)
            {
                throw new ParquetFormatException($"RLE boolean run length {len} runs past the page");
            }

            var bits = new uint[output.Length];
            new RleHybridDecoder(data.Slice(4, len), 1).Decode(bits);
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = bits[i] != 0;
            }

            return;
        }

        throw new ParquetFormatException($"encoding {encoding} is not supported for BOOLEAN values");
    }

    private static void Convert<T>(ReadOnlySpan<byte> bytes, PhysicalType physical, Span<T> output)
        where T : unmanaged
    {
        switch (physical)
        {
            case PhysicalType.Int32:
                {
                    var ints = MemoryMarshal.Cast<byte, int>(bytes);
                    if (typeof(T) == typeof(int))
                    {
                        ints.CopyTo(MemoryMarshal.Cast<T, int>(output));
                        return;
                    }

                    for (var i = 0; i < ints.Length; i++)
                    {
                        output[i] = Narrow<T>(ints[i]);
                    }

                    return;
                }

            case PhysicalType.Int64 when typeof(T) == typeof(long):
            case PhysicalType.Float when typeof(T) == typeof(float):
            case PhysicalType.Double when typeof(T) == typeof(double):
                bytes.CopyTo(MemoryMarshal.AsBytes(output));
                return;
            default:
                throw new ParquetFormatException($"physical type {physical} cannot be read as {typeof(T).Name}");
        }
    }

    private static T Narrow<T>(long v)
        where T : unmanaged
    {
        if (typeof(T) == typeof(sbyte))
        {
            return (T)(object)(sbyte)v;
        }

        if (typeof(T) == typeof(short))
        {
            return (T)(object)(short)v;
        }

        if (typeof(T) == typeof(int))
        {
            return (T)(object)(int)v;
        }

        if (typeof(T) == typeof(long))
        {
            return (T)(object)v;
        }

        throw new ParquetFormatException($"integer values cannot be read as {typeof(T).Name}");
    }
}
