using Genomics.Dataset;
using Genomics.Parquet;

namespace Genomics.Tests.Conversion;

/// <summary>One row of the variants table's site columns.</summary>
internal sealed record DatasetSite(long Index, string Contig, long Position, string? Id, string Ref, string[] Alt, double CentiMorgans);

/// <summary>One row of samples.parquet.</summary>
internal sealed record DatasetSample(int Index, string SampleId, string? FamilyId, string? FatherId, string? MotherId, sbyte Sex, string? Phenotype);

/// <summary>
/// A whole (small) dataset read back through <see cref="DatasetReader"/> into plain arrays: the samples, the site
/// columns and whichever genotype column it has. Every row group of every part is visited.
/// </summary>
internal sealed class DatasetContents
{
    private DatasetContents(DatasetManifest manifest, List<DatasetSample> samples, List<DatasetSite> sites, List<sbyte?[]>? dosages, List<sbyte[]>? calls, int rowGroups)
    {
        Manifest = manifest;
        Samples = samples;
        Sites = sites;
        Dosages = dosages;
        Calls = calls;
        RowGroups = rowGroups;
    }

    public DatasetManifest Manifest { get; }

    public IReadOnlyList<DatasetSample> Samples { get; }

    public IReadOnlyList<DatasetSite> Sites { get; }

    /// <summary>Per variant, N ALT counts; null where missing. Null when the dataset holds calls.</summary>
    public IReadOnlyList<sbyte?[]>? Dosages { get; }

    /// <summary>Per variant, 2N allele indexes (sample-major, -1 missing). Null when the dataset holds dosages.</summary>
    public IReadOnlyList<sbyte[]>? Calls { get; }

    public int RowGroups { get; }

    public static DatasetContents Read(string path)
    {
        var dataset = DatasetReader.Open(path);
        var samples = ReadSamples(dataset.ReadSamples());
        var sites = new List<DatasetSite>();
        List<sbyte?[]>? dosages = null;
        List<sbyte[]>? calls = null;
        var rowGroups = 0;
        string[] columns =
        [
            VariantColumns.VariantIndex, VariantColumns.Contig, VariantColumns.Pos, VariantColumns.Id, VariantColumns.Ref,
            VariantColumns.Alt, VariantColumns.CentiMorgans, VariantColumns.Dosage, VariantColumns.CallGenotype,
        ];
        foreach (var group in dataset.ReadVariants(columns))
        {
            rowGroups++;
            var index = ((PrimitiveArray<long>)group[VariantColumns.VariantIndex]).Values.Span;
            var contig = (BinaryArray)group[VariantColumns.Contig];
            var pos = ((PrimitiveArray<long>)group[VariantColumns.Pos]).Values.Span;
            var id = (BinaryArray)group[VariantColumns.Id];
            var reference = (BinaryArray)group[VariantColumns.Ref];
            var alt = (ListArray)group[VariantColumns.Alt];
            // VCF datasets have no cm column.
            var cm = group.TryGetValue(VariantColumns.CentiMorgans, out var cmColumn) ? ((PrimitiveArray<double>)cmColumn).Values.Span : default;
            for (var v = 0; v < contig.Length; v++)
            {
                sites.Add(new DatasetSite(index[v], contig.GetString(v)!, pos[v], id.GetString(v), reference.GetString(v)!, Strings(alt, v), cm.IsEmpty ? 0 : cm[v]));
            }

            if (group.TryGetValue(VariantColumns.Dosage, out var dosage))
            {
                dosages ??= [];
                var list = (ListArray)dosage;
                var values = (PrimitiveArray<sbyte>)list.Values;
                for (var v = 0; v < list.Length; v++)
                {
                    var (start, end) = (list.Offsets.Span[v], list.Offsets.Span[v + 1]);
                    dosages.Add([.. Enumerable.Range(start, end - start).Select(i => values.IsValid(i) ? values.Values.Span[i] : (sbyte?)null)]);
                }
            }

            if (group.TryGetValue(VariantColumns.CallGenotype, out var call))
            {
                calls ??= [];
                var list = (ListArray)call;
                var values = (PrimitiveArray<sbyte>)list.Values;
                for (var v = 0; v < list.Length; v++)
                {
                    var (start, end) = (list.Offsets.Span[v], list.Offsets.Span[v + 1]);
                    calls.Add(values.Values.Span[start..end].ToArray());
                }
            }
        }

        return new DatasetContents(dataset.Manifest, samples, sites, dosages, calls, rowGroups);
    }

    private static List<DatasetSample> ReadSamples(IReadOnlyDictionary<string, ColumnArray> s)
    {
        var index = ((PrimitiveArray<int>)s[SampleColumns.SampleIndex]).Values.Span;
        var ids = (BinaryArray)s[SampleColumns.SampleId];
        var family = (BinaryArray)s[SampleColumns.FamilyId];
        var father = (BinaryArray)s[SampleColumns.FatherId];
        var mother = (BinaryArray)s[SampleColumns.MotherId];
        var sex = ((PrimitiveArray<sbyte>)s[SampleColumns.Sex]).Values.Span;
        var phenotype = (BinaryArray)s[SampleColumns.Phenotype];
        var samples = new List<DatasetSample>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            samples.Add(new DatasetSample(index[i], ids.GetString(i)!, family.GetString(i), father.GetString(i), mother.GetString(i), sex[i], phenotype.GetString(i)));
        }

        return samples;
    }

    private static string[] Strings(ListArray list, int row)
    {
        var values = (BinaryArray)list.Values;
        var (start, end) = (list.Offsets.Span[row], list.Offsets.Span[row + 1]);
        return [.. Enumerable.Range(start, end - start).Select(i => values.GetString(i)!)];
    }
}
