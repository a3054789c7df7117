namespace Genomics.Plink;

/// <summary>How a .bed file orders its 2-bit codes, given by its third byte.</summary>
public enum BedLayout : byte
{
    /// <summary>Mode 0x00, legacy: one row per sample; read by transposing into variant rows.</summary>
    SampleMajor = 0x00,

    /// <summary>Mode 0x01, the usual layout: one row per variant.</summary>
    VariantMajor = 0x01,
}
