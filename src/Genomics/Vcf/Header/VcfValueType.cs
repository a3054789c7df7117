namespace Genomics.Vcf;

/// <summary>The Type of an INFO, FORMAT or META definition.</summary>
public enum VcfValueType
{
    /// <summary>A signed integer; kept as 32-bit unless a value needs 64 bits.</summary>
    Integer,

    /// <summary>A 32-bit floating-point number (also NaN and infinities).</summary>
    Float,

    /// <summary>Present or absent (INFO only); no value.</summary>
    Flag,

    /// <summary>A single character.</summary>
    Character,

    /// <summary>Text without tabs, semicolons, commas (between values) or, in FORMAT, colons.</summary>
    String,
}
