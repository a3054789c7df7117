namespace Genomics.Conversion;

/// <summary>What a conversion wrote.</summary>
public sealed record ConversionResult(string Dataset, long Samples, long Variants, TimeSpan Elapsed);
