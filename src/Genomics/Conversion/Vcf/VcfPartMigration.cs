using Genomics.Dataset;
using Genomics.Parquet;

namespace Genomics.Conversion;

/// <summary>
/// Brings a row group written with an earlier <see cref="VcfDatasetLayout"/> to the final one, column by column: a key
/// met later becomes all-null (a flag all false, phases all unphased), an Integer key promoted to 64 bits is widened,
/// and call_genotype is laid out at the final ploidy (the new slots are -2, fill).
/// </summary>
internal static class VcfPartMigration
{
    public static IReadOnlyList<ColumnArray> Adapt(VcfDatasetLayout from, VcfDatasetLayout to, ParquetSchema oldSchema, IReadOnlyList<ColumnArray> old)
    {
        var rows = old.Count == 0 ? 0 : old[0].Length;
        var result = new List<ColumnArray>(to.Schema.Fields.Count);
        foreach (var field in to.Schema.Fields)
        {
            var at = oldSchema.IndexOf(field.Name);
            if (at < 0)
            {
                result.Add(field.Name == VariantColumns.CallGenotypePhased ? Unphased(rows, to.SampleCount) : Nulls(field, rows));
            }
            else if (field.Name == VariantColumns.CallGenotype && from.Ploidy != to.Ploidy)
            {
                result.Add(Restride((ListArray)old[at], to.SampleCount, from.Ploidy, to.Ploidy));
            }
            else if (field.Leaf.ValueType == ParquetValueType.Int64 && oldSchema.Fields[at].Leaf.ValueType == ParquetValueType.Int32)
            {
                result.Add(Widen(old[at]));
            }
            else
            {
                result.Add(old[at]);
            }
        }

        return result;
    }

    private static ColumnArray Widen(ColumnArray column) => column switch
    {
        ListArray list => new ListArray(list.Offsets, Widen(list.Values), list.Validity),
        PrimitiveArray<int> narrow => new PrimitiveArray<long>(Array.ConvertAll(narrow.Values.ToArray(), v => (long)v), narrow.Validity),
        _ => throw new InvalidOperationException($"cannot widen a {column.GetType().Name}"),
    };

    private static ListArray Restride(ListArray calls, int samples, int fromPloidy, int toPloidy)
    {
        var rows = calls.Length;
        var source = ((PrimitiveArray<sbyte>)calls.Values).Values.Span;
        var values = new sbyte[rows * samples * toPloidy];
        values.AsSpan().Fill(-2);
        for (var call = 0; call < rows * samples; call++)
        {
            source.Slice(call * fromPloidy, fromPloidy).CopyTo(values.AsSpan(call * toPloidy));
        }

        return new ListArray(Offsets(rows, samples * toPloidy), new PrimitiveArray<sbyte>(values));
    }

    private static ListArray Unphased(int rows, int samples) =>
        new(Offsets(rows, samples), new PrimitiveArray<bool>(new bool[rows * samples]));

    private static int[] Offsets(int rows, int perRow)
    {
        var offsets = new int[rows + 1];
        for (var r = 0; r <= rows; r++)
        {
            offsets[r] = r * perRow;
        }

        return offsets;
    }

    /// <summary>A column of <paramref name="rows"/> nulls (false for a non-nullable flag).</summary>
    private static ColumnArray Nulls(ParquetField field, int rows)
    {
        var mask = (ReadOnlyMemory<bool>?)new bool[rows];
        if (field.IsList)
        {
            return new ListArray(new int[rows + 1], Empty(field.Leaf.ValueType!.Value), mask);
        }

        return field.ValueType switch
        {
            ParquetValueType.Boolean => new PrimitiveArray<bool>(new bool[rows], field.Nullable ? mask : null),
            ParquetValueType.Int32 => new PrimitiveArray<int>(new int[rows], mask),
            ParquetValueType.Int64 => new PrimitiveArray<long>(new long[rows], mask),
            ParquetValueType.Float => new PrimitiveArray<float>(new float[rows], mask),
            ParquetValueType.String => new BinaryArray(new int[rows + 1], Array.Empty<byte>(), mask),
            _ => throw new InvalidOperationException($"no VCF column is {field}"),
        };
    }

    private static ColumnArray Empty(ParquetValueType type) => type switch
    {
        ParquetValueType.Boolean => new PrimitiveArray<bool>(Array.Empty<bool>()),
        ParquetValueType.Int32 => new PrimitiveArray<int>(Array.Empty<int>()),
        ParquetValueType.Int64 => new PrimitiveArray<long>(Array.Empty<long>()),
        ParquetValueType.Float => new PrimitiveArray<float>(Array.Empty<float>()),
        ParquetValueType.String => new BinaryArray(new int[1], Array.Empty<byte>()),
        _ => throw new InvalidOperationException($"no VCF list holds {type}"),
    };
}
