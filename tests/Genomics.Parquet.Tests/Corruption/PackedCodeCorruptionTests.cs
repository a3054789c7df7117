using Genomics.Parquet.Format;

namespace Genomics.Parquet.Tests.Corruption;

/// <summary>The packed-code fast reader meets damaged files with the same checks as the general reader.</summary>
public class PackedCodeCorruptionTests
{
    private static readonly Dictionary<sbyte, int> BedCodes = new() { [2] = 0, [1] = 2, [0] = 3 };

    private static byte[] PackedFile(ParquetCompression compression, bool v2)
    {
        var rng = new Random(11);
        const int rows = 200, length = 37;
        var packed = new byte[rows * 10];
        rng.NextBytes(packed);
        var schema = new ParquetSchema(ParquetField.List("dosage", ParquetField.Primitive("element", ParquetValueType.Int8, nullable: true), nullable: false));
        using var ms = new MemoryStream();
        using (var w = new ParquetFileWriter(ms, schema, new ParquetWriterOptions { Compression = compression, DataPageV2 = v2, DataPageSize = 500 }, leaveOpen: true))
        {
            w.WriteRowGroup([new PackedCodeListArray(packed, rows, length, [2, -1, 1, 0], 1)]);
        }

        return ms.ToArray();
    }

    [Theory]
    [InlineData(ParquetCompression.Zstd, false, int.MaxValue)]
    [InlineData(ParquetCompression.Snappy, true, 2_000_000_000)]
    [InlineData(ParquetCompression.Gzip, false, 300_000_000)]
    public void Huge_uncompressed_page_size_is_refused_before_allocating(ParquetCompression compression, bool v2, int size)
    {
        var file = PackedFile(compression, v2);
        using (var intact = new ParquetFileReader(new MemoryStream(file)))
        {
            Assert.NotNull(intact.TryReadPackedCodes(0, 0, BedCodes, 1));
        }

        var page = FileSurgery.FindPage(file, 0, 0, h => h.Type is PageType.DataPage or PageType.DataPageV2);
        var damaged = FileSurgery.EditPageHeader(file, page, h => h.UncompressedPageSize = size);
        Outcome.FormatError(() =>
        {
            using var r = new ParquetFileReader(new MemoryStream(damaged));
            r.TryReadPackedCodes(0, 0, BedCodes, 1);
        });
    }

    [Fact]
    public void Flipped_page_bytes_give_a_format_error_a_refusal_or_codes()
    {
        var file = PackedFile(ParquetCompression.Snappy, false);
        var page = FileSurgery.FindPage(file, 0, 0, h => h.Type == PageType.DataPage);
        for (var flip = 0; flip < 300; flip++)
        {
            var damaged = (byte[])file.Clone();
            damaged[page.Offset + (flip % (page.HeaderLength + page.BodyLength))] ^= (byte)(1 + (flip % 255));
            Outcome.SucceedsOrFormatError(
                () =>
                {
                    using var r = new ParquetFileReader(new MemoryStream(damaged));
                    r.TryReadPackedCodes(0, 0, BedCodes, 1);
                },
                $"flip {flip}");
        }
    }
}
