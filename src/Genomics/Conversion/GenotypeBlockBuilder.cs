using Genomics.Dataset;
using Genomics.Genotypes.Kernels;
using Genomics.Parquet;

namespace Genomics.Conversion;

/// <summary>
/// Turns packed 2-bit rows into the dataset's genotype column: dosage (null where missing) or allele calls
/// (two per sample, -1 missing). Buffers are reused from one row group to the next.
/// </summary>
internal sealed class GenotypeBlockBuilder
{
    private readonly GenotypeColumn _form;
    private readonly int _samples;
    private readonly sbyte[] _values;
    private readonly bool[] _valid;
    private readonly int[] _offsets;

    public GenotypeBlockBuilder(GenotypeColumn form, int samples, int rows)
    {
        _form = form;
        _samples = samples;
        var perRow = form == GenotypeColumn.Dosage ? samples : samples * 2;
        _values = new sbyte[(long)perRow * rows];
        _valid = form == GenotypeColumn.Dosage ? new bool[_values.Length] : [];
        _offsets = new int[rows + 1];
    }

    public ColumnArray Build(ReadOnlySpan<byte> packed, int rows, int bytesPerRow)
    {
        var perRow = _form == GenotypeColumn.Dosage ? _samples : _samples * 2;
        for (var r = 0; r <= rows; r++)
        {
            _offsets[r] = r * perRow;
        }

        for (var r = 0; r < rows; r++)
        {
            var row = packed.Slice(r * bytesPerRow, bytesPerRow);
            var dest = _values.AsSpan(r * perRow, perRow);
            if (_form == GenotypeColumn.Dosage)
            {
                GenotypeKernels.DosageDecoder.Decode(row, dest);
            }
            else
            {
                GenotypeKernels.CallDecoder.Decode(row, dest);
            }
        }

        var total = rows * perRow;
        var offsets = _offsets.AsMemory(0, rows + 1);
        if (_form == GenotypeColumn.Calls)
        {
            return new ListArray(offsets, new PrimitiveArray<sbyte>(_values.AsMemory(0, total)));
        }

        var values = _values.AsSpan(0, total);
        var valid = _valid.AsSpan(0, total);
        var anyMissing = values.Contains((sbyte)-1);
        if (!anyMissing)
        {
            return new ListArray(offsets, new PrimitiveArray<sbyte>(_values.AsMemory(0, total)));
        }

        for (var i = 0; i < total; i++)
        {
            valid[i] = values[i] >= 0;
        }

        return new ListArray(offsets, new PrimitiveArray<sbyte>(_values.AsMemory(0, total), _valid.AsMemory(0, total)));
    }
}
