namespace Genomics.Parquet;

/// <summary>The encoding requested for a leaf column's values.</summary>
public enum ParquetColumnEncoding
{
    /// <summary>Dictionary when enabled in the options and it stays under the limit, PLAIN otherwise.</summary>
    Auto,

    /// <summary>Always PLAIN.</summary>
    Plain,

    /// <summary>DELTA_BINARY_PACKED: best for sorted or slowly changing INT32/INT64 values (positions, indices).</summary>
    Delta,
}
