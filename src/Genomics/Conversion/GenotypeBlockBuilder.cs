using Genomics.Dataset;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;

namespace Genomics.Conversion;

/// <summary>
/// Turns packed 2-bit rows into the dataset's genotype column. Dosage needs no decoding: .bed codes are
/// the dictionary indices of the dosage column. Calls (two alleles per sample, -1 missing) are decoded
/// into a buffer reused from one row group to the next.
/// </summary>
internal sealed class GenotypeBlockBuilder
{
    /// <summary>PLINK codes as dictionary indices: 00 → 2 ALT copies, 01 → missing (null), 10 → 1, 11 → 0.</summary>
    internal static readonly sbyte[] BedCodeDosages = [2, -1, 1, 0];

    private readonly GenotypeColumn _form;
    private readonly int _samples;
    private readonly sbyte[] _calls;
    private readonly int[] _offsets;

    public GenotypeBlockBuilder(GenotypeColumn form, int samples, int rows)
    {
        _form = form;
        _samples = samples;
        _calls = form == GenotypeColumn.Calls ? new sbyte[(long)samples * 2 * rows] : [];
        _offsets = form == GenotypeColumn.Calls ? new int[rows + 1] : [];
    }

    public ColumnArray Build(ReadOnlyMemory<byte> packedRows, int rows, int bytesPerRow)
    {
        if (_form == GenotypeColumn.Dosage)
        {
            return new PackedCodeListArray(packedRows, rows, _samples, BedCodeDosages, nullCode: 1);
        }

        var perRow = _samples * 2;
        var packed = packedRows.Span;
        for (var r = 0; r < rows; r++)
        {
            _offsets[r] = r * perRow;
            GenotypeKernels.CallDecoder.Decode(packed.Slice(r * bytesPerRow, bytesPerRow), _calls.AsSpan(r * perRow, perRow));
        }

        _offsets[rows] = rows * perRow;
        return new ListArray(_offsets.AsMemory(0, rows + 1), new PrimitiveArray<sbyte>(_calls.AsMemory(0, rows * perRow)));
    }
}
