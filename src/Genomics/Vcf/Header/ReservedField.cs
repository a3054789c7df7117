namespace Genomics.Vcf;

/// <summary>
/// A key whose Number and Type VCF 4.3 fixes (section 1.6.1 for INFO, 1.6.2 for FORMAT), and the value rules that
/// follow from its meaning.
/// </summary>
/// <param name="Number">The reserved Number.</param>
/// <param name="Type">The reserved Type.</param>
/// <param name="CheckType">False where this reader does not hold the header to the Type (it is not certain enough to reject files over it).</param>
/// <param name="NonNegative">Counts, depths, frequencies and positions cannot be negative.</param>
/// <param name="IsCigar">Values must be CIGAR strings (runs of a count and an operation letter).</param>
internal sealed record ReservedField(VcfNumber Number, VcfValueType Type, bool CheckType = true, bool NonNegative = false, bool IsCigar = false);
