using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Genomics.Bgzf;

/// <summary>
/// The gzip CRC32 without native help, for machines lacking libdeflate. Slicing-by-8 (eight 256-entry tables,
/// eight bytes per step) runs several times faster than the byte-at-a-time table, which matters because every
/// inflated byte is checksummed.
/// </summary>
internal static class ManagedCrc32
{
    private const uint ReflectedPolynomial = 0xEDB88320u;

    private static readonly uint[] Tables = BuildTables();

    /// <summary>The CRC32 of <paramref name="data"/> alone.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>
    /// Extends a finished CRC32 (as stored in a gzip trailer) over more data; <c>Append(Compute(a), b)</c> equals
    /// <c>Compute(a + b)</c>, the same contract as zlib's and libdeflate's crc32.
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        ref var table = ref MemoryMarshal.GetArrayDataReference(Tables);
        while (data.Length >= 8)
        {
            var low = state ^ BinaryPrimitives.ReadUInt32LittleEndian(data);
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            state = Entry(ref table, 7, low & 0xff)
                ^ Entry(ref table, 6, (low >> 8) & 0xff)
                ^ Entry(ref table, 5, (low >> 16) & 0xff)
                ^ Entry(ref table, 4, low >> 24)
                ^ Entry(ref table, 3, high & 0xff)
                ^ Entry(ref table, 2, (high >> 8) & 0xff)
                ^ Entry(ref table, 1, (high >> 16) & 0xff)
                ^ Entry(ref table, 0, high >> 24);
            data = data[8..];
        }

        foreach (var b in data)
        {
            state = (state >> 8) ^ Entry(ref table, 0, (state ^ b) & 0xff);
        }

        return ~state;
    }

    // The index is always below 256 and the slice below 8, so the bounds check the array would do is dead weight.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Entry(ref uint table, int slice, uint index) => Unsafe.Add(ref table, (slice << 8) + (int)index);

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        // Table k advances a byte through k further zero bytes, letting one step fold in eight bytes at once.
        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = tables[((slice - 1) << 8) + n];
                tables[(slice << 8) + n] = (previous >> 8) ^ tables[previous & 0xff];
            }
        }

        return tables;
    }
}
