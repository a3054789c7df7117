using Genomics.Parquet.Reading;

namespace Genomics.Parquet;

/// <summary>
/// Caller-owned storage for reading one column again and again (row group after row group) without
/// allocating: the arrays returned by a read point into this buffer and stay valid until the next read
/// into it.
/// </summary>
public sealed class ColumnBuffer
{
    private byte[] _chunk = [];

    internal ColumnAssembler? Assembler { get; set; }

    internal ParquetField? Field { get; set; }

    internal byte[] ChunkBytes(long size)
    {
        if (_chunk.Length < size)
        {
            _chunk = new byte[size];
        }

        return _chunk;
    }
}
