namespace Genomics.Parquet.Writing;

/// <summary>Orders PLAIN-encoded statistics values the way the column's type sorts.</summary>
internal interface IStatisticsComparer
{
    int CompareStatistics(byte[] a, byte[] b);
}
