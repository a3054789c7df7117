using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Genomics.Bgzf;

/// <summary>
/// The gzip CRC32 without native help, for machines lacking libdeflate. Slicing-by-16 (sixteen 256-entry tables,
/// sixteen bytes per step) runs several times faster than the byte-at-a-time table and about 1.5 times faster than
/// slicing-by-8 here, which matters because every inflated byte is checksummed.
/// </summary>
internal static class ManagedCrc32
{
    private const uint ReflectedPolynomial = 0xEDB88320u;

    private const int Slices = 16;

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
        ref var bytes = ref MemoryMarshal.GetReference(data);
        var whole = data.Length & ~(Slices - 1);
        var i = 0;

        // Reads go through refs rather than span slices: this loop is hot enough that slice bounds checks show.
        for (; i < whole; i += Slices)
        {
            var a = state ^ Word(ref bytes, i);
            var b = Word(ref bytes, i + 4);
            var c = Word(ref bytes, i + 8);
            var d = Word(ref bytes, i + 12);
            state = Entry(ref table, 15, a & 0xff) ^ Entry(ref table, 14, (a >> 8) & 0xff)
                ^ Entry(ref table, 13, (a >> 16) & 0xff) ^ Entry(ref table, 12, a >> 24)
                ^ Entry(ref table, 11, b & 0xff) ^ Entry(ref table, 10, (b >> 8) & 0xff)
                ^ Entry(ref table, 9, (b >> 16) & 0xff) ^ Entry(ref table, 8, b >> 24)
                ^ Entry(ref table, 7, c & 0xff) ^ Entry(ref table, 6, (c >> 8) & 0xff)
                ^ Entry(ref table, 5, (c >> 16) & 0xff) ^ Entry(ref table, 4, c >> 24)
                ^ Entry(ref table, 3, d & 0xff) ^ Entry(ref table, 2, (d >> 8) & 0xff)
                ^ Entry(ref table, 1, (d >> 16) & 0xff) ^ Entry(ref table, 0, d >> 24);
        }

        for (; i < data.Length; i++)
        {
            state = (state >> 8) ^ Entry(ref table, 0, (state ^ Unsafe.Add(ref bytes, i)) & 0xff);
        }

        return ~state;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(ref byte bytes, int offset)
    {
        var word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, offset));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    // The index is always below 256 and the slice below 16, so the bounds check the array would do is dead weight.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Entry(ref uint table, int slice, uint index) => Unsafe.Add(ref table, (slice << 8) + (int)index);

    private static uint[] BuildTables()
    {
        var tables = new uint[Slices * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        // Table k advances a byte through k further zero bytes, letting one step fold in sixteen bytes at once.
        for (var slice = 1; slice < Slices; slice++)
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
