using System.Buffers.Binary;
using Genomics.Parquet.Format;

namespace Genomics.Parquet.Tests.Corruption;

/// <summary>Hand-made damage at known places, with the exact error each must give.</summary>
public class SpecificCorruptionTests
{
    private static byte[] Sample => SampleFiles.Get(ParquetCompression.Zstd);

    private static ParquetFormatException OpenFails(byte[] file) =>
        Outcome.FormatError(() => new ParquetFileReader(new MemoryStream(file)).Dispose());

    private static ParquetFormatException ReadFails(byte[] file, int rowGroup, int column) =>
        Outcome.FormatError(() =>
        {
            using var r = new ParquetFileReader(new MemoryStream(file));
            r.ReadColumn(rowGroup, column);
        });

    [Fact]
    public void Bad_leading_magic()
    {
        var file = (byte[])Sample.Clone();
        file[0] = (byte)'Q';
        var e = OpenFails(file);
        Assert.Equal("not a Parquet file: it does not start with PAR1 (at byte 0)", e.Message);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void Bad_trailing_magic()
    {
        var file = (byte[])Sample.Clone();
        file[^1] = (byte)'X';
        var e = OpenFails(file);
        Assert.Equal($"file does not end with PAR1: it is truncated or was not completely written (at byte {file.Length - 4})", e.Message);
    }

    [Fact]
    public void Encrypted_footer_magic_is_named()
    {
        var file = (byte[])Sample.Clone();
        "PARE"u8.CopyTo(file.AsSpan(file.Length - 4));
        Assert.Equal($"file uses Parquet modular encryption, which is not supported (at byte {file.Length - 4})", OpenFails(file).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(1)] // replaced below by "file length": past the start of the file
    public void Footer_length_that_does_not_fit(int length)
    {
        var file = (byte[])Sample.Clone();
        if (length == 1)
        {
            length = file.Length - 11;
        }

        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(file.Length - 8), length);
        var e = OpenFails(file);
        Assert.Equal($"footer length {length} does not fit in the file's {file.Length} bytes (at byte {file.Length - 8})", e.Message);
        Assert.Equal(file.Length - 8, e.Offset);
    }

    [Fact]
    public void Too_short_for_parquet()
    {
        Assert.Equal("file is 11 bytes, too short to be Parquet (needs at least 12) (at byte 0)", OpenFails([.. "PAR1\0\0\0PAR1"u8]).Message);
    }

    [Fact]
    public void Unknown_codec_in_a_column_chunk()
    {
        var file = FileSurgery.EditFooter(Sample, m => m.RowGroups[1].Columns[3].MetaData!.Codec = CompressionCodec.Lzo);
        var (meta, _, _) = FileSurgery.Footer(file);
        var chunk = meta.RowGroups[1].Columns[3].MetaData!;
        var start = chunk.DictionaryPageOffset is { } d && d < chunk.DataPageOffset ? d : chunk.DataPageOffset;

        // The footer itself is fine; the chunk fails when read, naming the codec and where the chunk starts.
        using (var r = new ParquetFileReader(new MemoryStream(file)))
        {
            r.ReadColumn(1, 2);
        }

        var e = ReadFails(file, 1, 3);
        Assert.Equal($"compression codec Lzo is not supported (supported: UNCOMPRESSED, SNAPPY, GZIP, ZSTD) (at byte {start})", e.Message);
        Assert.Equal(start, e.Offset);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    public void Thrift_field_type_out_of_range_in_the_footer(int type)
    {
        var (_, footerStart, _) = FileSurgery.Footer(Sample);
        var file = (byte[])Sample.Clone();

        // The footer opens with field 1 (version, i32): header byte 0x15. Keep the id delta, break the type.
        Assert.Equal(0x15, file[footerStart]);
        file[footerStart] = (byte)(0x10 | type);
        var e = OpenFails(file);
        Assert.Equal($"corrupt Parquet metadata: unknown Thrift type {type} for field 1 (at byte {footerStart + 1})", e.Message);
    }

    [Fact]
    public void Thrift_field_type_out_of_range_in_a_page_header()
    {
        var (meta, _, _) = FileSurgery.Footer(Sample);
        var page = FileSurgery.Pages(Sample, meta.RowGroups[0].Columns[1].MetaData!)[0];
        var file = (byte[])Sample.Clone();
        Assert.Equal(0x15, file[page.Offset]); // field 1 (page type, i32)
        file[page.Offset] = 0x1E;
        var e = ReadFails(file, 0, 1);
        Assert.Equal($"corrupt Parquet metadata: unknown Thrift type 14 for field 1 (at byte {page.Offset + 1})", e.Message);
    }

    [Fact]
    public void Thrift_struct_nested_too_deeply()
    {
        // An unknown field (id 15) holding structs nested 100 000 deep: skipping it must stop at the reader's
        // depth limit, not overflow the stack.
        byte[] footer = [0xFC, .. Enumerable.Repeat((byte)0x1C, 100_000)];
        Assert.Matches("^corrupt Parquet metadata: Thrift (structs|values) nested too deeply$", StripOffset(OpenFails(WithRawFooter(footer)).Message));
    }

    [Fact]
    public void Thrift_list_longer_than_the_footer()
    {
        // Field 2 (schema, list of structs) claiming 2^31 elements.
        byte[] footer = [0x15, 0x02, 0x19, 0xFC, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00];
        var e = OpenFails(WithRawFooter(footer));
        Assert.Equal("corrupt Parquet metadata: Thrift list of 2147483648 elements is longer than its buffer", StripOffset(e.Message));
    }

    [Fact]
    public void Column_chunk_offset_near_the_end_of_the_long_range()
    {
        // start + size overflows a long: must still be seen as outside the file.
        var file = FileSurgery.EditFooter(Sample, m =>
        {
            var c = m.RowGroups[0].Columns[0].MetaData!;
            c.DictionaryPageOffset = null;
            c.DataPageOffset = long.MaxValue - 10;
        });
        var e = ReadFails(file, 0, 0);
        Assert.StartsWith($"column 0 of row group 0 claims bytes {long.MaxValue - 10}..", e.Message);
    }

    [Fact]
    public void Column_chunk_overlapping_the_footer()
    {
        // The last chunk claims a few more bytes: they belong to the page index and footer, never to pages.
        var (meta, footerStart, _) = FileSurgery.Footer(Sample);
        var file = FileSurgery.EditFooter(Sample, m =>
        {
            var c = m.RowGroups[1].Columns[^1].MetaData!;
            var start = c.DictionaryPageOffset is { } d && d < c.DataPageOffset ? d : c.DataPageOffset;
            c.TotalCompressedSize = footerStart - start + 1;
        });
        var e = ReadFails(file, 1, meta.RowGroups[1].Columns.Count - 1);
        Assert.Contains("outside", e.Message);
    }

    [Theory]
    [InlineData(1)] // a top-level column
    [InlineData(8)] // a LIST's element
    public void Schema_element_without_a_name(int element)
    {
        var file = FileSurgery.EditFooter(Sample, m => m.Schema[element].Name = "");
        Assert.StartsWith("invalid schema: ", OpenFails(file).Message);
    }

    [Fact]
    public void Schema_with_duplicate_column_names()
    {
        var file = FileSurgery.EditFooter(Sample, m => m.Schema[2].Name = m.Schema[1].Name);
        Assert.StartsWith("invalid schema: Duplicate column name 'id'", OpenFails(file).Message);
    }

    public static TheoryData<ParquetCompression, bool, int> HugeSizes()
    {
        var data = new TheoryData<ParquetCompression, bool, int>();
        foreach (var (c, v2) in new[] { (ParquetCompression.Zstd, false), (ParquetCompression.Snappy, false), (ParquetCompression.Snappy, true), (ParquetCompression.Gzip, true) })
        {
            foreach (var size in new[] { int.MaxValue, 2_000_000_000, 300_000_000 })
            {
                data.Add(c, v2, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HugeSizes))]
    public void Huge_uncompressed_page_size_is_not_allocated(ParquetCompression compression, bool v2, int size)
    {
        // Column 3 (qual, DOUBLE): its first data page claims to decompress to `size` bytes.
        var file = SampleFiles.Get(compression, v2);
        var page = FileSurgery.FindPage(file, 0, 3, h => h.Type is PageType.DataPage or PageType.DataPageV2);
        var damaged = FileSurgery.EditPageHeader(file, page, h => h.UncompressedPageSize = size);
        ReadFails(damaged, 0, 3);
    }

    [Theory]
    [MemberData(nameof(HugeSizes))]
    public void Huge_dictionary_page_size_is_not_allocated(ParquetCompression compression, bool v2, int size)
    {
        var file = SampleFiles.Get(compression, v2);
        var page = FileSurgery.FindPage(file, 0, 3, h => h.Type == PageType.DictionaryPage);
        var damaged = FileSurgery.EditPageHeader(file, page, h => h.UncompressedPageSize = size);
        ReadFails(damaged, 0, 3);
    }

    [Theory]
    [InlineData(0, int.MaxValue)] // id, INT32
    [InlineData(3, int.MaxValue)] // qual, DOUBLE
    [InlineData(3, 200_000_000)]
    [InlineData(2, int.MaxValue)] // name, BYTE_ARRAY
    public void Huge_dictionary_count_is_not_allocated(int column, int count)
    {
        var file = SampleFiles.Get(ParquetCompression.Snappy);
        var page = FileSurgery.FindPage(file, 0, column, h => h.Type == PageType.DictionaryPage);
        var damaged = FileSurgery.EditPageHeader(file, page, h => h.DictionaryPageHeader!.NumValues = count);
        Assert.Contains("dictionary page claims", ReadFails(damaged, 0, column).Message);
    }

    [Theory]
    [InlineData(false, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // 4 GiB - 1
    [InlineData(true, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(false, new byte[] { 0x80, 0x80, 0x80, 0x80, 0x06 })] // 1.5 GiB
    [InlineData(true, new byte[] { 0x80, 0x80, 0x80, 0xA0, 0x01 })] // 300 MiB
    public void Snappy_length_preamble_past_the_page_is_not_allocated(bool v2, byte[] claimedLength)
    {
        // A snappy block starts with its uncompressed length as a varint; claim far more than the page header says.
        var file = SampleFiles.Get(ParquetCompression.Snappy, v2);
        var page = FileSurgery.FindPage(file, 0, 3, h => h.Type is PageType.DataPage or PageType.DataPageV2);
        var damaged = FileSurgery.EditPage(file, page, (h, body) =>
        {
            var levels = h.DataPageHeaderV2 is { } d ? d.DefinitionLevelsByteLength + d.RepetitionLevelsByteLength : 0;
            var snappy = body.AsSpan(levels).ToArray();
            var preamble = 0;
            while ((snappy[preamble] & 0x80) != 0)
            {
                preamble++;
            }

            return [.. body.AsSpan(0, levels), .. claimedLength, .. snappy.AsSpan(preamble + 1)];
        });
        ReadFails(damaged, 0, 3);
    }

    internal static byte[] WithRawFooter(byte[] footer)
    {
        var tail = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail.AsSpan(4));
        return [.. "PAR1"u8, .. footer, .. tail];
    }

    private static string StripOffset(string message) => message[..message.LastIndexOf(" (at byte ", StringComparison.Ordinal)];
}
