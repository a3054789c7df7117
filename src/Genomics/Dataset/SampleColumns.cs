using Genomics.Parquet;

namespace Genomics.Dataset;

/// <summary>Column names and fields of samples.parquet (dataset.md).</summary>
public static class SampleColumns
{
    public const string SampleIndex = "sample_index";
    public const string SampleId = "sample_id";
    public const string FamilyId = "family_id";
    public const string FatherId = "father_id";
    public const string MotherId = "mother_id";
    public const string Sex = "sex";
    public const string Phenotype = "phenotype";
    public const string PlinkFamLine = "plink_fam_line";

    public static ParquetSchema Schema(bool withFamLine)
    {
        var fields = new List<ParquetField>
        {
            ParquetField.Primitive(SampleIndex, ParquetValueType.Int32),
            ParquetField.Primitive(SampleId, ParquetValueType.String),
            ParquetField.Primitive(FamilyId, ParquetValueType.String, nullable: true),
            ParquetField.Primitive(FatherId, ParquetValueType.String, nullable: true),
            ParquetField.Primitive(MotherId, ParquetValueType.String, nullable: true),
            ParquetField.Primitive(Sex, ParquetValueType.Int8),
            ParquetField.Primitive(Phenotype, ParquetValueType.String, nullable: true),
        };
        if (withFamLine)
        {
            fields.Add(ParquetField.Primitive(PlinkFamLine, ParquetValueType.String, nullable: true));
        }

        return new ParquetSchema(fields);
    }
}
