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
        Reset(firstRow, rows);
    }

    public int FirstRow { get; private set; }

    public int Rows { get; private set; }

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

    /// <summary>Working space for encoders that assemble values before the body.</summary>
    public ByteBuffer Scratch { get; } = new(64);

    /// <summary>Working space for repetition-level runs.</summary>
    public ByteBuffer RepetitionRuns { get; } = new(64);

    /// <summary>Working space for definition-level runs.</summary>
    public ByteBuffer DefinitionRuns { get; } = new(64);

    /// <summary>Makes the page ready for reuse, keeping its buffers (large pages would otherwise churn the pool and the GC).</summary>
    public void Reset(int firstRow, int rows)
    {
        FirstRow = firstRow;
        Rows = rows;
        NumValues = 0;
        NumNulls = 0;
        Statistics = null;
        RepetitionLength = 0;
        DefinitionLength = 0;
        Levels.Clear();
        Body.Clear();
        Compressed.Clear();
    }

    public void Dispose()
    {
        Levels.Dispose();
        Body.Dispose();
        Compressed.Dispose();
        Scratch.Dispose();
        RepetitionRuns.Dispose();
        DefinitionRuns.Dispose();
    }
}
