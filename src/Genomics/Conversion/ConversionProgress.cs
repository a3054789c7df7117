namespace Genomics.Conversion;

/// <summary>Progress of a conversion: input bytes consumed of the total (when known), and variants written.</summary>
public readonly record struct ConversionProgress(long BytesRead, long? TotalBytes, long Variants);
