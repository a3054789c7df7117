namespace Genomics.Dataset;

/// <summary>Asks for a genotype column as packed 2-bit codes: which column, the code for each value, and the code for null.</summary>
public sealed record PackedCodeRequest(string Column, IReadOnlyDictionary<sbyte, int> CodeOfValue, int NullCode)
{
    /// <summary>Dosages as PLINK .bed codes (00 two ALT copies, 01 missing, 10 one, 11 none).</summary>
    public static PackedCodeRequest BedDosage(string column) => new(column, new Dictionary<sbyte, int> { [2] = 0, [1] = 2, [0] = 3 }, 1);
}
