using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Encodes the values of one leaf column, page by page. A chunk starts with dictionary encoding when
/// allowed; if the dictionary outgrows its limit the remaining pages fall back to PLAIN (readers handle a
/// chunk that mixes both, and the pages already written stay valid).
/// </summary>
internal abstract class LeafEncoder : IStatisticsComparer
{
    protected LeafEncoder(ParquetWriterOptions options, ParquetColumnEncoding requested)
    {
        Options = options;
        Requested = requested;
    }

    protected ParquetWriterOptions Options { get; }

    protected ParquetColumnEncoding Requested { get; }

    public abstract PhysicalType PhysicalType { get; }

    /// <summary>Dictionary entries so far, or 0 when the chunk never used a dictionary.</summary>
    public abstract int DictionaryCount { get; }

    /// <summary>True while pages are still being dictionary-encoded.</summary>
    public bool DictionaryActive { get; protected set; }

    /// <summary>Resets per-chunk state; decides whether this chunk starts with a dictionary.</summary>
    public abstract void BeginChunk(ShreddedColumn column);

    /// <summary>Appends the encoded values of dense values [start, start + count) and updates stats; returns the encoding used.</summary>
    public abstract Encoding EncodePage(ShreddedColumn column, long start, long count, ByteBuffer body, PageStatistics? stats);

    /// <summary>Orders two PLAIN-encoded statistics values the way the column's type sorts.</summary>
    public abstract int CompareStatistics(byte[] a, byte[] b);

    /// <summary>Appends the PLAIN-encoded dictionary entries.</summary>
    public abstract void WriteDictionary(ByteBuffer body);

    public static LeafEncoder Create(ParquetField leaf, ParquetWriterOptions options) => leaf.ValueType switch
    {
        ParquetValueType.Boolean => new BooleanLeafEncoder(options),
        ParquetValueType.Int8 => new NumericLeafEncoder<sbyte>(options, leaf.Encoding),
        ParquetValueType.Int16 => new NumericLeafEncoder<short>(options, leaf.Encoding),
        ParquetValueType.Int32 => new NumericLeafEncoder<int>(options, leaf.Encoding),
        ParquetValueType.Int64 => new NumericLeafEncoder<long>(options, leaf.Encoding),
        ParquetValueType.Float => new NumericLeafEncoder<float>(options, leaf.Encoding),
        ParquetValueType.Double => new NumericLeafEncoder<double>(options, leaf.Encoding),
        ParquetValueType.String or ParquetValueType.Binary => new ByteArrayLeafEncoder(options, leaf.Encoding),
        _ => throw new ArgumentOutOfRangeException(nameof(leaf), leaf.ValueType, "unknown value type"),
    };

    /// <summary>Writes dictionary indices as: bit width byte, then one bit-packed run (padded to a group of 8).</summary>
    protected static void WriteIndices(ReadOnlySpan<byte> indices, int bitWidth, ByteBuffer body, ref bool headerWritten, long totalCount)
    {
        if (!headerWritten)
        {
            body.WriteByte((byte)bitWidth);
            var groups = (totalCount + 7) / 8;
            if (groups > 0)
            {
                body.WriteUleb128(((ulong)groups << 1) | 1);
            }

            headerWritten = true;
        }

        var bytes = Encodings.BitPacker.ByteCount(indices.Length, bitWidth);
        var span = body.GetSpan(bytes + 8);
        Encodings.BitPacker.PackBytes(indices, bitWidth, span);
        body.Advance(bytes);
    }

    /// <summary>Pads the bit-packed run to a whole group: the run header promised ceil(n / 8) groups.</summary>
    protected static void FinishIndices(long totalCount, int bitWidth, ByteBuffer body, long bytesWritten)
    {
        var expected = (totalCount + 7) / 8 * bitWidth;
        for (var i = bytesWritten; i < expected; i++)
        {
            body.WriteByte(0);
        }
    }
}
