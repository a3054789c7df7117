using System.Buffers.Binary;
using Genomics.Parquet.Format;
using Genomics.Parquet.Reading;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet;

/// <summary>
/// Reads Parquet files written by this library or by other writers (DuckDB, arrow) for the supported types:
/// row groups one at a time, any subset of columns. Damaged files give <see cref="ParquetFormatException"/>.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private const int MaxFooterLength = 256 << 20;

    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly long _length;
    private readonly long _footerStart;

    public ParquetFileReader(Stream input, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.CanSeek || !input.CanRead)
        {
            throw new ArgumentException("Parquet files are read from a seekable stream.", nameof(input));
        }

        _input = input;
        _leaveOpen = leaveOpen;
        _length = input.Length;
        try
        {
            Metadata = ReadFooter(out _footerStart);
            Schema = SchemaConverter.FromElements(Metadata.Schema);
            ValidateRowGroups();
        }
        catch
        {
            if (!leaveOpen)
            {
                input.Dispose();
            }

            throw;
        }
    }

    /// <summary>The raw footer, for tools that show what a file contains.</summary>
    public FileMetaData Metadata { get; }

    public ParquetSchema Schema { get; }

    public long RowCount => Metadata.NumRows;

    public int RowGroupCount => Metadata.RowGroups.Count;

    public string? CreatedBy => Metadata.CreatedBy;

    public IReadOnlyDictionary<string, string> KeyValueMetadata =>
        (Metadata.KeyValueMetadata ?? []).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);

    public static ParquetFileReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        return new ParquetFileReader(stream);
    }

    public long GetRowGroupRowCount(int rowGroup) => Metadata.RowGroups[rowGroup].NumRows;

    /// <summary>Reads one column of one row group into new arrays.</summary>
    public ColumnArray ReadColumn(int rowGroup, int column) => ReadColumn(rowGroup, column, new ColumnBuffer());

    /// <summary>
    /// Reads one column of one row group into a caller-provided buffer; the result is valid until the
    /// buffer is used again. Reusing one buffer per column makes a scan over many row groups allocation-free.
    /// </summary>
    public ColumnArray ReadColumn(int rowGroup, int column, ColumnBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var (bytes, start, meta, field, rows) = ReadChunkBytes(rowGroup, column, buffer);
        if (buffer.Assembler is null || !ReferenceEquals(buffer.Field, field))
        {
            buffer.Assembler = new ColumnAssembler(field);
            buffer.Field = field;
        }
        else
        {
            buffer.Assembler.Reset();
        }

        return ColumnChunkReader.Read(bytes, start, meta, field, rows, buffer.Assembler);
    }

    private (ReadOnlyMemory<byte> Bytes, long Start, ColumnMetaData Meta, ParquetField Field, long Rows) ReadChunkBytes(int rowGroup, int column, ColumnBuffer buffer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Schema.Fields.Count);
        var rg = Metadata.RowGroups[rowGroup];
        var chunk = rg.Columns[column];
        var meta = chunk.MetaData ?? throw new ParquetFormatException($"column {column} of row group {rowGroup} has no metadata (encrypted or external files are not supported)");
        if (chunk.FilePath is not null)
        {
            throw new ParquetFormatException($"column {column} of row group {rowGroup} lives in another file ({chunk.FilePath}), which is not supported");
        }

        var start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is > 0 and var d && d < start)
        {
            start = d;
        }

        var size = meta.TotalCompressedSize;
        // Column chunks lie between the leading magic and the footer; compare without overflowing start + size.
        if (start < 4 || size < 0 || size > int.MaxValue || start > _footerStart || size > _footerStart - start)
        {
            throw new ParquetFormatException($"column {column} of row group {rowGroup} claims bytes {start}..{unchecked(start + size)}, outside the file's row data (bytes 4..{_footerStart})", start);
        }

        var bytes = buffer.ChunkBytes(size);
        _input.Seek(start, SeekOrigin.Begin);
        _input.ReadExactly(bytes.AsSpan(0, (int)size));
        return (bytes.AsMemory(0, (int)size), start, meta, Schema.Fields[column], rg.NumRows);
    }

    /// <summary>
    /// Reads a dictionary-encoded LIST&lt;INT8&gt; column of equal-length lists as packed 2-bit codes, the
    /// fast form for genotype columns: each value becomes codeOfValue[value], each null element nullCode.
    /// Returns null when the chunk has another shape (then use <see cref="ReadColumn(int, int)"/>).
    /// </summary>
    public PackedCodeListArray? TryReadPackedCodes(int rowGroup, int column, IReadOnlyDictionary<sbyte, int> codeOfValue, int nullCode)
    {
        var (bytes, start, meta, field, rows) = ReadChunkBytes(rowGroup, column, new ColumnBuffer());
        return PackedCodeChunkReader.TryRead(bytes, start, meta, field, rows, codeOfValue, nullCode);
    }

    /// <summary>Reads columns (by name; all when null) of one row group.</summary>
    public IReadOnlyList<ColumnArray> ReadRowGroup(int rowGroup, IReadOnlyList<string>? columns = null)
    {
        var indexes = columns is null ? Enumerable.Range(0, Schema.Fields.Count) : columns.Select(c =>
        {
            var i = Schema.IndexOf(c);
            return i >= 0 ? i : throw new ArgumentException($"No column named '{c}'.", nameof(columns));
        });
        return [.. indexes.Select(i => ReadColumn(rowGroup, i))];
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _input.Dispose();
        }
    }

    private FileMetaData ReadFooter(out long footerStart)
    {
        if (_length < 12)
        {
            throw new ParquetFormatException(ParquetErrorKind.NotParquet, $"file is {_length} bytes, too short to be Parquet (needs at least 12)", 0);
        }

        Span<byte> head = stackalloc byte[4];
        _input.Seek(0, SeekOrigin.Begin);
        _input.ReadExactly(head);
        if (!head.SequenceEqual("PAR1"u8))
        {
            throw new ParquetFormatException(ParquetErrorKind.NotParquet, "not a Parquet file: it does not start with PAR1", 0);
        }

        Span<byte> tail = stackalloc byte[8];
        _input.Seek(_length - 8, SeekOrigin.Begin);
        _input.ReadExactly(tail);
        if (!tail[4..].SequenceEqual("PAR1"u8))
        {
            throw tail[4..].SequenceEqual("PARE"u8)
                ? new ParquetFormatException(ParquetErrorKind.Unsupported, "file uses Parquet modular encryption, which is not supported", _length - 4)
                : new ParquetFormatException(ParquetErrorKind.Truncated, "file does not end with PAR1: it is truncated or was not completely written", _length - 4);
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > _length - 12 || footerLength > MaxFooterLength)
        {
            throw new ParquetFormatException($"footer length {footerLength} does not fit in the file's {_length} bytes", _length - 8);
        }

        footerStart = _length - 8 - footerLength;
        var footer = new byte[footerLength];
        _input.Seek(footerStart, SeekOrigin.Begin);
        _input.ReadExactly(footer);
        var reader = new ThriftCompactReader(footer, footerStart);
        return FileMetaData.Read(reader);
    }

    private void ValidateRowGroups()
    {
        var leaves = Schema.Fields.Count;
        long total = 0;
        foreach (var rg in Metadata.RowGroups)
        {
            if (rg.Columns.Count != leaves)
            {
                throw new ParquetFormatException($"a row group has {rg.Columns.Count} column chunks for {leaves} columns");
            }

            if (rg.NumRows < 0)
            {
                throw new ParquetFormatException($"a row group claims {rg.NumRows} rows");
            }

            total += rg.NumRows;
        }

        if (total != Metadata.NumRows)
        {
            throw new ParquetFormatException($"row groups hold {total} rows, the footer says {Metadata.NumRows}");
        }
    }
}
