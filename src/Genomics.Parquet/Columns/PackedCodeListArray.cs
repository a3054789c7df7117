namespace Genomics.Parquet;

/// <summary>
/// A LIST&lt;INT8&gt; column of fixed-length lists given already dictionary-encoded: each row is
/// <see cref="ListLength"/> 2-bit codes packed least significant bits first (Parquet's bit-packing order),
/// padded to a whole byte, and code k stands for <see cref="Dictionary"/>[k]. One code may stand for a null
/// element. The writer copies these codes into pages nearly as they are, which makes columns that already
/// exist in this form (PLINK .bed rows) cheap to write.
/// </summary>
public sealed class PackedCodeListArray : ColumnArray
{
    public const int BitWidth = 2;

    public PackedCodeListArray(ReadOnlyMemory<byte> rows, int rowCount, int listLength, sbyte[] dictionary, int? nullCode)
        : base(rowCount, null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(listLength);
        if (dictionary.Length != 1 << BitWidth)
        {
            throw new ArgumentException($"A {BitWidth}-bit code dictionary has {1 << BitWidth} entries.", nameof(dictionary));
        }

        if (nullCode is < 0 or >= 1 << BitWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(nullCode));
        }

        BytesPerRow = (listLength * BitWidth + 7) / 8;
        if (rows.Length < (long)BytesPerRow * rowCount)
        {
            throw new ArgumentException($"{rowCount} rows of {BytesPerRow} bytes need {(long)BytesPerRow * rowCount} bytes, got {rows.Length}.", nameof(rows));
        }

        Rows = rows;
        ListLength = listLength;
        Dictionary = dictionary;
        NullCode = nullCode;
    }

    /// <summary>The packed rows, <see cref="BytesPerRow"/> bytes each.</summary>
    public ReadOnlyMemory<byte> Rows { get; }

    /// <summary>Elements per list (every row has the same number).</summary>
    public int ListLength { get; }

    public int BytesPerRow { get; }

    /// <summary>Value of each code; the entry at <see cref="NullCode"/> is never used.</summary>
    public IReadOnlyList<sbyte> Dictionary { get; }

    /// <summary>The code meaning a null element, if any.</summary>
    public int? NullCode { get; }

    public ReadOnlySpan<byte> Row(int index) => Rows.Span.Slice(index * BytesPerRow, BytesPerRow);
}
