using Genomics.Parquet;

namespace Genomics.Dataset;

/// <summary>Column names and fields of the variants table (dataset.md).</summary>
public static class VariantColumns
{
    public const string VariantIndex = "variant_index";
    public const string Contig = "contig";
    public const string Pos = "pos";
    public const string Id = "id";
    public const string Ref = "ref";
    public const string Alt = "alt";
    public const string Qual = "qual";
    public const string Filter = "filter";
    public const string CentiMorgans = "cm";
    public const string PlinkBimLine = "plink_bim_line";
    public const string CallGenotype = "call_genotype";
    public const string CallGenotypePhased = "call_genotype_phased";
    public const string Dosage = "dosage";
    public const string AlleleIndex = "allele_index";

    /// <summary>The site columns every variants table starts with.</summary>
    public static IEnumerable<ParquetField> SiteFields()
    {
        yield return ParquetField.Primitive(VariantIndex, ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta);
        yield return ParquetField.Primitive(Contig, ParquetValueType.String);
        yield return ParquetField.Primitive(Pos, ParquetValueType.Int64, encoding: ParquetColumnEncoding.Delta);
        yield return ParquetField.Primitive(Id, ParquetValueType.String, nullable: true);
        yield return ParquetField.Primitive(Ref, ParquetValueType.String);
        yield return ParquetField.List(Alt, ParquetField.Primitive("element", ParquetValueType.String), nullable: false);
        yield return ParquetField.Primitive(Qual, ParquetValueType.Float, nullable: true);
        yield return ParquetField.List(Filter, ParquetField.Primitive("element", ParquetValueType.String), nullable: true);
    }

    public static ParquetField DosageField() =>
        ParquetField.List(Dosage, ParquetField.Primitive("element", ParquetValueType.Int8, nullable: true), nullable: false);

    public static ParquetField CallsField() =>
        ParquetField.List(CallGenotype, ParquetField.Primitive("element", ParquetValueType.Int8), nullable: false);

    public static ParquetField PhasedField() =>
        ParquetField.List(CallGenotypePhased, ParquetField.Primitive("element", ParquetValueType.Boolean), nullable: false);
}
