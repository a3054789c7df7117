namespace Genomics.Parquet.Writing;

/// <summary>Min/max (PLAIN-encoded, as statistics store them) and null count of a page or a column chunk.</summary>
internal sealed class PageStatistics
{
    public byte[]? Min { get; set; }

    public byte[]? Max { get; set; }

    public bool MinExact { get; set; } = true;

    public bool MaxExact { get; set; } = true;

    public long NullCount { get; set; }

    public Format.Statistics ToThrift() => new()
    {
        MinValue = Min,
        MaxValue = Max,
        IsMinValueExact = Min is null ? null : MinExact,
        IsMaxValueExact = Max is null ? null : MaxExact,
        NullCount = NullCount,
    };
}
