namespace Genomics.Vcf;

/// <summary>Where a field definition applies.</summary>
public enum VcfFieldScope
{
    /// <summary>The INFO column: one value (or list) per site.</summary>
    Info,

    /// <summary>The FORMAT and sample columns: one value (or list) per sample.</summary>
    Format,
}
