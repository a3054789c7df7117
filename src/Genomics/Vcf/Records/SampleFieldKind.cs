namespace Genomics.Vcf;

/// <summary>How the per-sample loop reads a FORMAT key's value.</summary>
internal enum SampleFieldKind : byte
{
    /// <summary>GT.</summary>
    Genotype,

    /// <summary>Integers with a count fixed for the row (Number=n, or A and R at a site with ALT alleles).</summary>
    FixedIntegers,

    /// <summary>Floats with a count fixed for the row.</summary>
    FixedFloats,

    /// <summary>Everything else: strings, Number=G and '.', undeclared keys.</summary>
    General,
}
