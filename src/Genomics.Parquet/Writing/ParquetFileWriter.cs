using System.Buffers.Binary;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;
using Genomics.Parquet.Writing;

namespace Genomics.Parquet;

/// <summary>
/// Writes a Parquet file to any stream (seekable or not), one row group per <see cref="WriteRowGroup"/>
/// call. Memory is bounded by one row group's encoded pages; the footer is written by <see cref="Close"/>.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ParquetSchema _schema;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnChunkWriter[] _columns;
    private readonly List<RowGroup> _rowGroups = [];
    private readonly List<ColumnChunkResult[]> _pageIndexes = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private long _position;
    private bool _closed;

    public ParquetFileWriter(Stream output, ParquetSchema schema, ParquetWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        _output = output;
        _leaveOpen = leaveOpen;
        _schema = schema;
        _options = options ?? new ParquetWriterOptions();
        _columns = [.. schema.Fields.Select(f => new ColumnChunkWriter(f, _options))];
        _output.Write(Magic);
        _position = Magic.Length;
    }

    public ParquetSchema Schema => _schema;

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Bytes written so far.</summary>
    public long Position => _position;

    /// <summary>Sets a footer key-value pair (replacing an earlier value for the key).</summary>
    public void SetMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _metadata[key] = value;
    }

    /// <summary>Writes one row group: one array per top-level field, all of the same length.</summary>
    public void WriteRowGroup(IReadOnlyList<ColumnArray> columns)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != _columns.Length)
        {
            throw new ArgumentException($"Expected {_columns.Length} columns, got {columns.Count}.", nameof(columns));
        }

        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        for (var i = 0; i < columns.Count; i++)
        {
            ColumnValidation.Check(_schema.Fields[i], columns[i]);
            if (columns[i].Length != rows)
            {
                throw new ArgumentException($"Column '{_schema.Fields[i].Name}' has {columns[i].Length} rows, column '{_schema.Fields[0].Name}' has {rows}.", nameof(columns));
            }
        }

        if (rows == 0)
        {
            return;
        }

        var start = _position;
        var results = new ColumnChunkResult[_columns.Length];
        long uncompressed = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            results[i] = _columns[i].Write(columns[i], _output, ref _position);
            uncompressed += results[i].Chunk.MetaData!.TotalUncompressedSize;
        }

        _rowGroups.Add(new RowGroup
        {
            Columns = [.. results.Select(r => r.Chunk)],
            TotalByteSize = uncompressed,
            NumRows = rows,
            FileOffset = start,
            TotalCompressedSize = _position - start,
            Ordinal = checked((short)_rowGroups.Count),
        });
        _pageIndexes.Add(results);
        RowCount += rows;
    }

    /// <summary>Writes the page index and footer. Further writes fail; calling it again does nothing.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        using var buffer = new ByteBuffer(4096);
        if (_options.WritePageIndex)
        {
            WritePageIndex(buffer);
        }

        var footer = new FileMetaData
        {
            Version = 2,
            Schema = SchemaConverter.ToElements(_schema),
            NumRows = RowCount,
            RowGroups = _rowGroups,
            KeyValueMetadata = _metadata.Count == 0 ? null : [.. _metadata.Select(kv => new KeyValue { Key = kv.Key, Value = kv.Value })],
            CreatedBy = _options.CreatedBy,
            ColumnOrders = _options.WriteStatistics ? [.. _columns.Select(_ => new ColumnOrder { TypeOrder = true })] : null,
        };
        buffer.Clear();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        footer.WriteFields(w);
        w.EndStruct();
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, buffer.Length);
        Magic.CopyTo(tail[4..]);
        _output.Write(buffer.WrittenSpan);
        _output.Write(tail);
        _position += buffer.Length + 8;
        _output.Flush();
        foreach (var c in _columns)
        {
            c.Dispose();
        }

        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    public void Dispose() => Close();

    private void WritePageIndex(ByteBuffer buffer)
    {
        // All column indexes first, then all offset indexes, each recorded in its chunk's footer entry.
        foreach (var results in _pageIndexes)
        {
            foreach (var r in results)
            {
                if (r.ColumnIndex is null)
                {
                    continue;
                }

                var length = WriteStruct(buffer, r.ColumnIndex.WriteFields);
                r.Chunk.ColumnIndexOffset = _position - length;
                r.Chunk.ColumnIndexLength = length;
            }
        }

        foreach (var results in _pageIndexes)
        {
            foreach (var r in results)
            {
                var length = WriteStruct(buffer, r.OffsetIndex.WriteFields);
                r.Chunk.OffsetIndexOffset = _position - length;
                r.Chunk.OffsetIndexLength = length;
            }
        }
    }

    private int WriteStruct(ByteBuffer buffer, Action<ThriftCompactWriter> fields)
    {
        buffer.Clear();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        fields(w);
        w.EndStruct();
        _output.Write(buffer.WrittenSpan);
        _position += buffer.Length;
        return buffer.Length;
    }
}
