namespace Genomics.Bgzf;

/// <summary>How a <see cref="BgzfStream"/> inflates: how many threads, with which decoder, and how far ahead.</summary>
public sealed class BgzfReaderOptions
{
    /// <summary>Options for one inflate thread per core and the process-wide default backend.</summary>
    public static BgzfReaderOptions Default { get; } = new();

    /// <summary>
    /// Threads that inflate blocks. 1 inflates inline on the reading thread with no tasks at all; N &gt; 1 starts
    /// N inflate workers plus one thread that reads raw blocks.
    /// </summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The decoder to use; null means <see cref="InflateBackends.Default"/>.</summary>
    public InflateBackend? Backend { get; init; }

    /// <summary>
    /// Blocks read ahead of the consumer when inflating in parallel (each holds 128 KiB); 0 picks enough for every
    /// worker to hold a run of blocks with runs to spare (16 for 2 threads).
    /// This bounds the reader's memory whatever the file's size.
    /// </summary>
    public int BlocksInFlight { get; init; }

    internal int EffectiveBlocksInFlight => BlocksInFlight > 0 ? BlocksInFlight : ParallelBlockSource.BatchBlocks * (Threads + 2);

    internal InflateBackend EffectiveBackend => Backend ?? InflateBackends.Default;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfNegative(BlocksInFlight, nameof(BlocksInFlight));
        if (BlocksInFlight > 0)
        {
            // Fewer slots than workers would leave workers idle forever; one more keeps the consumer's block out of their way.
            ArgumentOutOfRangeException.ThrowIfLessThan(BlocksInFlight, Threads + 1, nameof(BlocksInFlight));
        }

        InflateBackends.ThrowIfUnavailable(EffectiveBackend);
    }
}
