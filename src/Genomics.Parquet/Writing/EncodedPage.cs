using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>
/// A data page encoded but not yet compressed. Pages of a chunk are encoded first, then compressed (in
/// parallel when allowed), then written in order after the dictionary page.
/// </summary>
internal sealed class EncodedPage : IDisposable
{
    public EncodedPage(int firstRow, int rows)
    {
        FirstRow = firstRow;
        Rows = rows;
    }

    public int FirstRow { get; }

    public int Rows { get; }

    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public Encoding Encoding { get; set; }

    public PageStatistics? Statistics { get; set; }

    /// <summary>V2 only: repetition then definition levels, stored uncompressed.</summary>
    public ByteBuffer Levels { get; } = new(64);

    public int RepetitionLength { get; set; }

    public int DefinitionLength { get; set; }

    /// <summary>V1: levels (length-prefixed) and values; V2: values only. Compressed as a whole.</summary>
    public ByteBuffer Body { get; } = new(1024);

    public ByteBuffer Compressed { get; } = new(1024);

    public void Dispose()
    {
        Levels.Dispose();
        Body.Dispose();
        Compressed.Dispose();
    }
}
