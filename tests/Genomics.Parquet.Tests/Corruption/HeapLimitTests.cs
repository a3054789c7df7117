namespace Genomics.Parquet.Tests.Corruption;

public class HeapLimitTests
{
    [Fact]
    public void Test_process_runs_under_a_heap_limit()
    {
        // Set by the test project (System.GC.HeapHardLimit): a runaway allocation fails instead of swapping the machine.
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.InRange(limit, 1L << 30, 4L << 30);
    }
}
