using System.Diagnostics;

namespace Genomics.Parquet.Tests.Corruption;

/// <summary>Classifies what reading damaged input did: only success or <see cref="ParquetFormatException"/> are acceptable.</summary>
internal static class Outcome
{
    /// <summary>Any single read of damaged input must finish quickly; a slow one is a runaway loop or allocation.</summary>
    public static readonly TimeSpan SlowRead = TimeSpan.FromSeconds(2);

    /// <summary>Allocation allowed for one read of a small damaged file (it is a few KiB; gigabytes mean a trusted length).</summary>
    public const long MaxAllocation = 256L << 20;

    /// <summary>Runs the action; returns the format error it raised, or null on success. Any other exception fails the test.</summary>
    public static ParquetFormatException? SucceedsOrFormatError(Action read, string context = "")
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        ParquetFormatException? error = null;
        try
        {
            read();
        }
        catch (ParquetFormatException e)
        {
            error = e;
        }
        catch (Exception e)
        {
            Assert.Fail($"{context}: expected success or ParquetFormatException, got {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }

        clock.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(clock.Elapsed < SlowRead, $"{context}: one read took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(bytes < MaxAllocation, $"{context}: one read allocated {bytes >> 20} MiB");
        return error;
    }

    /// <summary>Like <see cref="SucceedsOrFormatError"/>, but success is a failure too.</summary>
    public static ParquetFormatException FormatError(Action read, string context = "") =>
        SucceedsOrFormatError(read, context) ?? throw new Xunit.Sdk.XunitException($"{context}: expected ParquetFormatException, but the read succeeded");
}
