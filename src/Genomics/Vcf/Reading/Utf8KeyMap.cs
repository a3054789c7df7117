namespace Genomics.Vcf;

/// <summary>
/// Finds a small integer by the bytes of a key (contig names, INFO and FORMAT keys, FORMAT strings) without turning
/// the bytes into a string first: open addressing with linear probing over a power-of-two table.
/// </summary>
internal sealed class Utf8KeyMap
{
    private byte[][] keys = new byte[16][];
    private int[] values = new int[16];
    private int count;

    public int Count => count;

    public bool TryGetValue(ReadOnlySpan<byte> key, out int value)
    {
        var mask = keys.Length - 1;
        for (var slot = Hash(key) & mask; ; slot = (slot + 1) & mask)
        {
            var candidate = keys[slot];
            if (candidate is null)
            {
                value = -1;
                return false;
            }

            if (key.SequenceEqual(candidate))
            {
                value = values[slot];
                return true;
            }
        }
    }

    /// <summary>Adds a key that is not present yet.</summary>
    public void Add(ReadOnlySpan<byte> key, int value)
    {
        if ((count + 1) * 2 > keys.Length)
        {
            Grow();
        }

        Insert(key.ToArray(), value);
        count++;
    }

    private void Insert(byte[] key, int value)
    {
        var mask = keys.Length - 1;
        var slot = Hash(key) & mask;
        while (keys[slot] is not null)
        {
            slot = (slot + 1) & mask;
        }

        keys[slot] = key;
        values[slot] = value;
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new byte[oldKeys.Length * 2][];
        values = new int[oldKeys.Length * 2];
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] is { } key)
            {
                Insert(key, oldValues[i]);
            }
        }
    }

    // FNV-1a: keys are short, and a fixed hash keeps runs reproducible.
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = 2166136261u;
        foreach (var b in key)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
