using Genomics.Parquet.Format;

namespace Genomics.Parquet.Writing;

/// <summary>What writing one column chunk produced: its footer entry and, for the page index, its pages.</summary>
internal sealed class ColumnChunkResult(ColumnChunk chunk, ColumnIndex? columnIndex, OffsetIndex offsetIndex)
{
    public ColumnChunk Chunk { get; } = chunk;

    public ColumnIndex? ColumnIndex { get; } = columnIndex;

    public OffsetIndex OffsetIndex { get; } = offsetIndex;
}
