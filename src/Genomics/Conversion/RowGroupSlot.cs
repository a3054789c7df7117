namespace Genomics.Conversion;

/// <summary>One row group's worth of PLINK input: parsed .bim sites and the packed .bed rows.</summary>
internal sealed class RowGroupSlot(int rows, int bytesPerRow)
{
    public PlinkSiteColumns Sites { get; } = new(rows);

    public byte[] Packed { get; } = new byte[(long)rows * bytesPerRow];

    public int Count { get; set; }

    /// <summary>The .bim records, kept only when a summary is written in the same pass.</summary>
    public List<Plink.BimRecord> Records { get; } = [];
}
