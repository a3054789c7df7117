using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>BOOLEAN values: PLAIN is one bit per value, least significant bit first, which no dictionary beats.</summary>
internal sealed class BooleanLeafEncoder(ParquetWriterOptions options) : LeafEncoder(options, ParquetColumnEncoding.Plain)
{
    public override PhysicalType PhysicalType => PhysicalType.Boolean;

    public override int DictionaryCount => 0;

    public override void BeginChunk(ShreddedColumn column) => DictionaryActive = false;

    public override Encoding EncodePage(ShreddedColumn column, long start, long count, ByteBuffer body, PageStatistics? stats)
    {
        var values = ((PrimitiveArray<bool>)column.Leaf).Values.Span;
        var bytes = (int)((count + 7) / 8);
        var dest = body.GetSpan(bytes)[..bytes];
        dest.Clear();
        long bit = 0;
        bool anyTrue = false, anyFalse = false;
        foreach (var (s, n) in column.ValueSlices(start, count))
        {
            foreach (var v in values.Slice(s, n))
            {
                if (v)
                {
                    dest[(int)(bit >> 3)] |= (byte)(1 << (int)(bit & 7));
                    anyTrue = true;
                }
                else
                {
                    anyFalse = true;
                }

                bit++;
            }
        }

        body.Advance(bytes);
        if (stats is not null && (anyTrue || anyFalse))
        {
            if (stats.Min is null || (stats.Min[0] == 1 && anyFalse))
            {
                stats.Min = [anyFalse ? (byte)0 : (byte)1];
            }

            if (stats.Max is null || (stats.Max[0] == 0 && anyTrue))
            {
                stats.Max = [anyTrue ? (byte)1 : (byte)0];
            }
        }

        return Encoding.Plain;
    }

    public override int CompareStatistics(byte[] a, byte[] b) => a[0].CompareTo(b[0]);

    public override void WriteDictionary(ByteBuffer body) => throw new InvalidOperationException("BOOLEAN columns have no dictionary.");
}
