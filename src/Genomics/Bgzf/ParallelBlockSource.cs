using System.Collections.Concurrent;

namespace Genomics.Bgzf;

/// <summary>
/// Reads raw blocks on one thread and inflates them on N workers, through a fixed ring of slots: the reader fills
/// slot i mod R, any worker inflates it, and the consumer takes slots back in order. Memory is R blocks whatever
/// the file's size, and a slow consumer stops the reader once all R slots are waiting for it.
/// </summary>
/// <remarks>
/// Work moves in runs of up to <see cref="BatchBlocks"/> consecutive blocks, so threads hand over (and wake each
/// other) once per run rather than once per 64 KiB block: on a busy machine every wake-up can wait for a time slice.
/// </remarks>
internal sealed class ParallelBlockSource : IBlockSource
{
    /// <summary>Blocks per hand-over: about 256 KiB of output, long enough to make a wake-up cheap in comparison.</summary>
    public const int BatchBlocks = 4;

    private readonly RawBlockReader _reader;
    private readonly string _file;
    private readonly BgzfBlock[] _slots;
    private readonly SemaphoreSlim[] _inflated;
    private readonly SemaphoreSlim _free;
    private readonly BlockingCollection<(int First, int Count)> _work;
    private volatile bool _stopping;
    private readonly Task _producer;
    private readonly Task[] _workers;
    private readonly int _releaseEvery;
    private long _consumed;
    private int _heldBack;

    public ParallelBlockSource(Stream source, string file, InflateBackend backend, int workers, int slots)
    {
        _reader = new RawBlockReader(source, file);
        _file = file;
        _slots = new BgzfBlock[slots];
        _inflated = new SemaphoreSlim[slots];
        for (var i = 0; i < slots; i++)
        {
            _slots[i] = new BgzfBlock();
            _inflated[i] = new SemaphoreSlim(0, 1);
        }

        // No maximum count: Dispose releases one extra to wake a reader waiting for a free slot.
        _free = new SemaphoreSlim(slots);

        // Freed slots go back a run at a time, so a reader waiting on a slow consumer wakes once per run. At most
        // a quarter of the ring is held back, so the reader can always fill the block the consumer waits for.
        _releaseEvery = Math.Clamp(slots / 4, 1, BatchBlocks);

        // Unbounded, yet never holds more than the ring's slots: a slot goes in only after the reader has claimed it.
        _work = new BlockingCollection<(int First, int Count)>();

        // Dedicated threads: the consumer may block synchronously in Read, which must not starve the pool
        // threads that would have to run the workers it is waiting for.
        _workers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            var decoder = DeflateDecoder.Create(backend);
            _workers[i] = Task.Factory.StartNew(() => Work(decoder), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public BgzfBlock Next()
    {
        var slot = (int)(_consumed % _slots.Length);
        _inflated[slot].Wait();
        return _slots[slot];
    }

    public async ValueTask<BgzfBlock> NextAsync(CancellationToken cancellationToken)
    {
        var slot = (int)(_consumed % _slots.Length);
        await _inflated[slot].WaitAsync(cancellationToken).ConfigureAwait(false);
        return _slots[slot];
    }

    public void Release(BgzfBlock block)
    {
        _consumed++;
        if (++_heldBack == _releaseEvery)
        {
            _free.Release(_heldBack);
            _heldBack = 0;
        }
    }

    public void Dispose()
    {
        // Stopping by flag rather than by cancellation: closing a file early is routine and should not cost
        // an exception on every thread. The reader finishes its current read at most; workers drain what is queued.
        _stopping = true;
        _free.Release();
        Task.WaitAll([_producer, .. _workers]);

        foreach (var slot in _slots)
        {
            slot.Dispose();
        }

        foreach (var signal in _inflated)
        {
            signal.Dispose();
        }

        _free.Dispose();
        _work.Dispose();
        _reader.Dispose();
    }

    private void Produce()
    {
        try
        {
            long sequence = 0;
            while (true)
            {
                var first = (int)(sequence % _slots.Length);
                var count = 0;
                while (count < BatchBlocks)
                {
                    // Wait for a free slot only with nothing in hand; otherwise pass on what is read so far first.
                    if (count == 0)
                    {
                        _free.Wait();
                    }
                    else if (!_free.Wait(0))
                    {
                        break;
                    }

                    if (_stopping)
                    {
                        return;
                    }

                    var slot = (int)(sequence % _slots.Length);
                    var block = _slots[slot];
                    var offset = _reader.FileOffset;
                    Exception? error = null;
                    var more = false;
                    try
                    {
                        more = _reader.ReadNext(block);
                    }
                    catch (Exception e)
                    {
                        // Read errors travel in order with the data, so every block before the damage is still delivered.
                        error = e;
                    }

                    if (!more)
                    {
                        if (count > 0)
                        {
                            _work.Add((first, count));
                        }

                        block.MarkEnd(offset, error);
                        _inflated[slot].Release();
                        return;
                    }

                    sequence++;
                    count++;
                }

                _work.Add((first, count));
            }
        }
        finally
        {
            _work.CompleteAdding();
        }
    }

    private void Work(DeflateDecoder decoder)
    {
        using (decoder)
        {
            foreach (var (first, count) in _work.GetConsumingEnumerable())
            {
                if (_stopping)
                {
                    // Nobody will take these blocks any more; only drain the queue so the loop can end.
                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    var block = _slots[(first + i) % _slots.Length];
                    try
                    {
                        BlockInflater.Inflate(block, decoder, _file);
                    }
                    catch (Exception e)
                    {
                        block.Error = e;
                    }
                }

                // Signalled together: a waiting consumer then wakes once and finds the whole run ready.
                for (var i = 0; i < count; i++)
                {
                    _inflated[(first + i) % _slots.Length].Release();
                }
            }
        }
    }
}
