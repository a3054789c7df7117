using System.Runtime.CompilerServices;

namespace Genomics.Parquet.Writing;

/// <summary>
/// Dictionary indexes keyed by 64-bit patterns: open addressing with linear probing and a multiplicative hash, one
/// probe sequence per lookup-or-insert. Columns of mostly distinct doubles (frequencies, p-values) look up every value,
/// and the general hash map's bucket and entry indirections were the writer's largest cost on them.
/// </summary>
internal sealed class Int64IndexTable
{
    private long[] _keys = new long[1024];

    // Index + 1 per slot; 0 marks an empty slot.
    private int[] _indexes = new int[1024];
    private int _shift = 64 - 10;
    private int _count;

    public int Count => _count;

    public void Clear()
    {
        if (_count > 0)
        {
            Array.Clear(_indexes);
            _count = 0;
        }
    }

    /// <summary>The index of <paramref name="key"/>, or -1 when absent; <paramref name="slot"/> is where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long key, out int slot)
    {
        var mask = _indexes.Length - 1;
        var s = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var stored = _indexes[s];
            if (stored == 0)
            {
                slot = s;
                return -1;
            }

            if (_keys[s] == key)
            {
                slot = s;
                return stored - 1;
            }

            s = (s + 1) & mask;
        }
    }

    /// <summary>Stores <paramref name="key"/> → <paramref name="index"/> at the slot <see cref="Find"/> gave for it.</summary>
    public void Insert(int slot, long key, int index)
    {
        _keys[slot] = key;
        _indexes[slot] = index + 1;
        _count++;
        if (_count * 2 > _indexes.Length)
        {
            Grow();
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var indexes = _indexes;
        _keys = new long[keys.Length * 2];
        _indexes = new int[indexes.Length * 2];
        _shift--;
        for (var i = 0; i < indexes.Length; i++)
        {
            if (indexes[i] != 0)
            {
                Find(keys[i], out var slot);
                _keys[slot] = keys[i];
                _indexes[slot] = indexes[i];
            }
        }
    }
}
