using Genomics.Dataset;
using Genomics.Parquet;
using Genomics.Vcf;

namespace Genomics.Conversion;

/// <summary>An INFO or FORMAT key and the dataset column it becomes.</summary>
internal sealed record VcfFieldColumn(VcfFieldDefinition Definition, string Name, bool Int64)
{
    public ParquetValueType ValueType => Definition.Type switch
    {
        VcfValueType.Integer => Int64 ? ParquetValueType.Int64 : ParquetValueType.Int32,
        VcfValueType.Float => ParquetValueType.Float,
        VcfValueType.Flag => ParquetValueType.Boolean,
        _ => ParquetValueType.String,
    };

    /// <summary>
    /// Number=1 INFO keys and flags are scalars (a flag is never null: absent is false); every other INFO key and every
    /// FORMAT key is a nullable list of nullable values (FORMAT lists hold N × values-per-sample).
    /// </summary>
    public ParquetField Field => Definition.Scope == VcfFieldScope.Info && Definition.IsScalar
        ? ParquetField.Primitive(Name, ValueType, nullable: Definition.Type != VcfValueType.Flag)
        : ParquetField.List(Name, ParquetField.Primitive("element", ValueType, nullable: true), nullable: true);
}

/// <summary>
/// What the variants table of a VCF conversion looks like so far: the INFO and FORMAT columns met, which Integer keys
/// need 64 bits, the ploidy of call_genotype and whether call_genotype_phased exists. A layout only grows as batches
/// arrive; when it grows, later row groups go to a new part and earlier parts are rewritten at the end.
/// </summary>
internal sealed class VcfDatasetLayout
{
    private VcfDatasetLayout(GenotypeColumn form, int samples, int ploidy, bool phased, IReadOnlyList<VcfFieldColumn> info, IReadOnlyList<VcfFieldColumn> format)
    {
        Form = form;
        SampleCount = samples;
        Ploidy = ploidy;
        Phased = phased;
        Info = info;
        Format = format;
        Schema = BuildSchema();
    }

    public GenotypeColumn Form { get; }

    public int SampleCount { get; }

    /// <summary>Allele slots per call in call_genotype (at least 1 when there are samples).</summary>
    public int Ploidy { get; }

    /// <summary>Whether call_genotype_phased is written.</summary>
    public bool Phased { get; }

    public IReadOnlyList<VcfFieldColumn> Info { get; }

    public IReadOnlyList<VcfFieldColumn> Format { get; }

    public ParquetSchema Schema { get; }

    /// <summary>Genotype and FORMAT columns exist only when the file has samples (a sites-only VCF has neither).</summary>
    public bool HasSamples => SampleCount > 0;

    /// <summary>Names INFO and FORMAT columns must not take.</summary>
    public static IReadOnlyList<string> FixedNames { get; } =
    [
        VariantColumns.VariantIndex, VariantColumns.Contig, VariantColumns.Pos, VariantColumns.Id, VariantColumns.Ref, VariantColumns.Alt,
        VariantColumns.Qual, VariantColumns.Filter, VariantColumns.AlleleIndex, VariantColumns.CallGenotype, VariantColumns.CallGenotypePhased,
        VariantColumns.Dosage, VariantColumns.CentiMorgans,
    ];

    /// <summary>
    /// The layout before any record: every key the header declares has its column from the start (so a file without
    /// records, or whose early records lack a key, still has the declared columns), as 32-bit integers until a value needs more.
    /// </summary>
    public static VcfDatasetLayout FromHeader(GenotypeColumn form, int samples, IReadOnlyList<VcfFieldDefinition> info, IReadOnlyList<VcfFieldDefinition> format, VcfColumnNames names)
    {
        var infoColumns = info.Select(d => new VcfFieldColumn(d, names.Of(d), false)).ToList();
        var formatColumns = samples > 0 ? format.Select(d => new VcfFieldColumn(d, names.Of(d), false)).ToList() : [];
        return new VcfDatasetLayout(form, samples, samples > 0 ? 1 : 0, false, infoColumns, formatColumns);
    }

    /// <summary>This layout grown by what <paramref name="batch"/> holds (the same object when nothing is new).</summary>
    public VcfDatasetLayout Grow(VcfBatch batch, VcfColumnNames names)
    {
        var info = Merge(Info, batch.Info.Select(c => (c.Definition, c.Values is IntegerValues { IsInt64: true })), names, out var infoChanged);
        var formatChanged = false;
        var format = HasSamples
            ? Merge(Format, batch.Format.Select(c => (c.Definition, c.List.Values is IntegerValues { IsInt64: true })), names, out formatChanged)
            : Format;
        var ploidy = Math.Max(Ploidy, batch.Genotypes.Ploidy);
        var phased = Phased || (Form == GenotypeColumn.Calls && HasSamples && batch.Genotypes.AnyPhased);
        return infoChanged || formatChanged || ploidy != Ploidy || phased != Phased
            ? new VcfDatasetLayout(Form, SampleCount, ploidy, phased, info, format)
            : this;
    }

    private static IReadOnlyList<VcfFieldColumn> Merge(
        IReadOnlyList<VcfFieldColumn> known,
        IEnumerable<(VcfFieldDefinition Definition, bool Int64)> seen,
        VcfColumnNames names,
        out bool changed)
    {
        changed = false;
        List<VcfFieldColumn>? result = null;
        foreach (var (definition, int64) in seen)
        {
            var list = (IReadOnlyList<VcfFieldColumn>?)result ?? known;
            var at = IndexOf(list, definition);
            if (at < 0)
            {
                result ??= [.. known];
                result.Add(new VcfFieldColumn(definition, names.Of(definition), int64));
            }
            else if (int64 && !list[at].Int64)
            {
                result ??= [.. known];
                result[at] = list[at] with { Int64 = true };
            }
        }

        changed = result is not null;
        return result ?? known;
    }

    private static int IndexOf(IReadOnlyList<VcfFieldColumn> columns, VcfFieldDefinition definition)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Definition.Id == definition.Id)
            {
                return i;
            }
        }

        return -1;
    }

    private ParquetSchema BuildSchema()
    {
        var fields = new List<ParquetField>(VariantColumns.SiteFields());
        if (Form == GenotypeColumn.Dosage)
        {
            fields.Add(ParquetField.Primitive(VariantColumns.AlleleIndex, ParquetValueType.Int32, nullable: true));
        }

        fields.AddRange(Info.Select(c => c.Field));
        if (HasSamples)
        {
            fields.AddRange(Format.Select(c => c.Field));
            if (Form == GenotypeColumn.Dosage)
            {
                fields.Add(VariantColumns.DosageField());
            }
            else
            {
                fields.Add(VariantColumns.CallsField());
                if (Phased)
                {
                    fields.Add(VariantColumns.PhasedField());
                }
            }
        }

        return new ParquetSchema(fields);
    }
}
