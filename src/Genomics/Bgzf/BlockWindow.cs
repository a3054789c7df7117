namespace Genomics.Bgzf;

/// <summary>
/// Remembers where the most recently delivered blocks started, so an error found a little after the bytes were
/// read can still be placed in its block. A fixed ring: older blocks are forgotten, and memory stays constant.
/// </summary>
internal sealed class BlockWindow
{
    private readonly Entry[] _entries;
    private long _count;

    public BlockWindow(int capacity = 4096)
    {
        _entries = new Entry[capacity];
    }

    /// <summary>Notes that decompressed bytes [start, start + length) came from the block at <paramref name="fileOffset"/>.</summary>
    public void Record(long start, long fileOffset, int length)
    {
        if (length > 0)
        {
            _entries[_count % _entries.Length] = new Entry(start, fileOffset, length);
            _count++;
        }
    }

    public InputLocation Locate(long uncompressedOffset)
    {
        // Entries are in delivery order, so their starts increase: binary search over the live part of the ring.
        var lo = Math.Max(0, _count - _entries.Length);
        var hi = _count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var entry = _entries[mid % _entries.Length];
            if (uncompressedOffset < entry.Start)
            {
                hi = mid - 1;
            }
            else if (uncompressedOffset >= entry.Start + entry.Length)
            {
                lo = mid + 1;
            }
            else
            {
                return new InputLocation(uncompressedOffset, entry.FileOffset, (int)(uncompressedOffset - entry.Start));
            }
        }

        return new InputLocation(uncompressedOffset);
    }

    private readonly record struct Entry(long Start, long FileOffset, int Length);
}
