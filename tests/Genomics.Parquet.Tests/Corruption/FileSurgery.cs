using System.Buffers.Binary;
using Genomics.Parquet.Format;
using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Tests.Corruption;

/// <summary>A page inside a column chunk: where its header starts, the header's length and content, and the body's length.</summary>
internal sealed record PageInfo(int Offset, int HeaderLength, PageHeader Header, int BodyLength);

/// <summary>Takes a valid file apart (footer, page headers) and puts it back together with one thing changed.</summary>
internal static class FileSurgery
{
    public static (FileMetaData Meta, int FooterStart, int FooterLength) Footer(byte[] file)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var start = file.Length - 8 - length;
        var reader = new ThriftCompactReader(file.AsMemory(start, length), start);
        return (FileMetaData.Read(reader), start, length);
    }

    public static byte[] Serialize(Action<ThriftCompactWriter> writeFields)
    {
        using var buffer = new ByteBuffer();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        writeFields(w);
        w.EndStruct();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The file with its footer replaced by <paramref name="meta"/> (row group data unchanged).</summary>
    public static byte[] WithFooter(byte[] file, FileMetaData meta)
    {
        var (_, start, _) = Footer(file);
        var footer = Serialize(meta.WriteFields);
        var tail = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail.AsSpan(4));
        return [.. file.AsSpan(0, start), .. footer, .. tail];
    }

    /// <summary>The file with its footer edited in place by <paramref name="edit"/>.</summary>
    public static byte[] EditFooter(byte[] file, Action<FileMetaData> edit)
    {
        var (meta, _, _) = Footer(file);
        edit(meta);
        return WithFooter(file, meta);
    }

    /// <summary>The pages of one column chunk, in file order.</summary>
    public static List<PageInfo> Pages(byte[] file, ColumnMetaData chunk)
    {
        var start = chunk.DictionaryPageOffset is { } d && d < chunk.DataPageOffset ? d : chunk.DataPageOffset;
        var end = start + chunk.TotalCompressedSize;
        var pages = new List<PageInfo>();
        var pos = (int)start;
        while (pos < end)
        {
            var reader = new ThriftCompactReader(file.AsMemory(pos, (int)(end - pos)), pos);
            var header = PageHeader.Read(reader);
            pages.Add(new PageInfo(pos, reader.Position, header, header.CompressedPageSize));
            pos += reader.Position + header.CompressedPageSize;
        }

        return pages;
    }

    /// <summary>
    /// Replaces the header of the page at <paramref name="page"/> with an edited copy and shifts every footer
    /// offset behind it, so the file stays consistent apart from the edit.
    /// </summary>
    public static byte[] EditPageHeader(byte[] file, PageInfo page, Action<PageHeader> edit)
    {
        var reader = new ThriftCompactReader(file.AsMemory(page.Offset, page.HeaderLength), page.Offset);
        var header = PageHeader.Read(reader);
        edit(header);
        var bytes = Serialize(header.WriteFields);
        return Splice(file, page.Offset, page.HeaderLength, bytes);
    }

    /// <summary>Replaces a whole page (header and body) with an edited copy; the header's compressed size follows the new body.</summary>
    public static byte[] EditPage(byte[] file, PageInfo page, Func<PageHeader, byte[], byte[]> edit)
    {
        var reader = new ThriftCompactReader(file.AsMemory(page.Offset, page.HeaderLength), page.Offset);
        var header = PageHeader.Read(reader);
        var body = edit(header, file.AsSpan(page.Offset + page.HeaderLength, page.BodyLength).ToArray());
        header.CompressedPageSize = body.Length;
        byte[] bytes = [.. Serialize(header.WriteFields), .. body];
        return Splice(file, page.Offset, page.HeaderLength + page.BodyLength, bytes);
    }

    /// <summary>The first page of column <paramref name="column"/> in row group <paramref name="rowGroup"/> that matches.</summary>
    public static PageInfo FindPage(byte[] file, int rowGroup, int column, Func<PageHeader, bool> match)
    {
        var (meta, _, _) = Footer(file);
        return Pages(file, meta.RowGroups[rowGroup].Columns[column].MetaData!).First(p => match(p.Header));
    }

    /// <summary>Replaces bytes [offset, offset + length) of the row group data and fixes the footer's offsets and sizes.</summary>
    public static byte[] Splice(byte[] file, int offset, int length, byte[] replacement)
    {
        var (meta, footerStart, _) = Footer(file);
        var shift = replacement.Length - length;
        long Moved(long o) => o > offset ? o + shift : o;
        foreach (var rg in meta.RowGroups)
        {
            if (rg.FileOffset is { } rgo && rgo <= offset && offset < rgo + (rg.TotalCompressedSize ?? 0))
            {
                rg.TotalCompressedSize += shift;
            }

            rg.FileOffset = rg.FileOffset is { } f ? Moved(f) : null;
            foreach (var c in rg.Columns)
            {
                var m = c.MetaData!;
                var start = m.DictionaryPageOffset is { } d && d < m.DataPageOffset ? d : m.DataPageOffset;
                if (start <= offset && offset < start + m.TotalCompressedSize)
                {
                    m.TotalCompressedSize += shift;
                    m.TotalUncompressedSize += shift;
                }

                c.FileOffset = Moved(c.FileOffset);
                m.DataPageOffset = Moved(m.DataPageOffset);
                m.DictionaryPageOffset = m.DictionaryPageOffset is { } dp ? Moved(dp) : null;
                c.ColumnIndexOffset = c.ColumnIndexOffset is { } ci ? Moved(ci) : null;
                c.OffsetIndexOffset = c.OffsetIndexOffset is { } oi ? Moved(oi) : null;
            }
        }

        byte[] body = [.. file.AsSpan(0, offset), .. replacement, .. file.AsSpan(offset + length, footerStart - offset - length)];
        return WithFooter([.. body, .. file.AsSpan(footerStart)], meta);
    }
}
