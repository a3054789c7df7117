using Genomics.Parquet.Thrift;

namespace Genomics.Parquet.Writing;

/// <summary>A chunk's dictionary: PLAIN-encoded entries and how many there are.</summary>
internal sealed class DictionaryPage(ByteBuffer plain, int count, IStatisticsComparer? comparer = null)
{
    public ByteBuffer Plain { get; } = plain;

    public int Count { get; } = count;

    /// <summary>Statistics ordering for pages encoded outside the leaf encoders; null to use the encoder's.</summary>
    public IStatisticsComparer? Comparer { get; } = comparer;
}
