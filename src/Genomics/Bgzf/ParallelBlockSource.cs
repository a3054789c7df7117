using System.Collections.Concurrent;

namespace Genomics.Bgzf;

/// <summary>
/// Reads raw blocks on one thread and inflates them on N workers, through a fixed ring of slots: the reader fills
/// slot i mod R, any worker inflates it, and the consumer takes slots back in order. Memory is R blocks whatever
/// the file's size, and a slow consumer stops the reader once all R slots are waiting for it.
/// </summary>
internal sealed class ParallelBlockSource : IBlockSource
{
    private readonly RawBlockReader _reader;
    private readonly string _file;
    private readonly BgzfBlock[] _slots;
    private readonly SemaphoreSlim[] _inflated;
    private readonly SemaphoreSlim _free;
    private readonly BlockingCollection<int> _work;
    private volatile bool _stopping;
    private readonly Task _producer;
    private readonly Task[] _workers;
    private long _consumed;

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

        // Unbounded, yet never holds more than the ring's slots: a slot goes in only after the reader has claimed it.
        _work = new BlockingCollection<int>();

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
        _free.Release();
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
            for (long sequence = 0; ; sequence++)
            {
                _free.Wait();
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
                    block.MarkEnd(offset, error);
                    _inflated[slot].Release();
                    return;
                }

                _work.Add(slot);
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
            foreach (var slot in _work.GetConsumingEnumerable())
            {
                if (_stopping)
                {
                    // Nobody will take these blocks any more; only drain the queue so the loop can end.
                    continue;
                }

                var block = _slots[slot];
                try
                {
                    BlockInflater.Inflate(block, decoder, _file);
                }
                catch (Exception e)
                {
                    block.Error = e;
                }

                _inflated[slot].Release();
            }
        }
    }
}
