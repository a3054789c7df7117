namespace Genomics.Vcf;

/// <summary>Makes the value storage for a VCF type.</summary>
internal static class VcfValueFactory
{
    public static VcfValues Create(VcfValueType type) => type switch
    {
        VcfValueType.Integer => new IntegerValues(),
        VcfValueType.Float => new FloatValues(),
        VcfValueType.Flag => new BooleanValues(),
        _ => new StringValues(type),
    };
}
