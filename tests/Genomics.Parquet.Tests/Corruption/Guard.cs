using System.Runtime.ExceptionServices;

namespace Genomics.Parquet.Tests.Corruption;

internal static class Guard
{
    /// <summary>Runs a whole damaged-file sweep with a deadline, so a reader stuck in a loop fails the test instead of hanging it.</summary>
    public static void WithTimeout(TimeSpan limit, Action sweep)
    {
        var task = Task.Factory.StartNew(sweep, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(limit))
        {
            Assert.Fail($"the sweep did not finish within {limit.TotalSeconds} s: a read hangs");
        }

        if (task.Exception is { } e)
        {
            ExceptionDispatchInfo.Capture(e.InnerException ?? e).Throw();
        }
    }
}
