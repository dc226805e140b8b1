using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// An open-addressing set of key hashes with the row each was first seen on: 16 bytes a key, no object
/// per entry. It grows up to a byte budget; past that its owner spills it to disk.
/// </summary>
internal sealed class KeySet
{
    private const int InitialCapacity = 1 << 12;
    private KeyEntry[] _slots = new KeyEntry[InitialCapacity];

    public int Count { get; private set; }

    public long BytesHeld => (long)_slots.Length * KeyEntry.Size;

    /// <summary>True when one more key would pass the load factor.</summary>
    public bool IsFull => (Count + 1) * 4L > _slots.Length * 3L;

    /// <summary>Adds the key, or returns the row it was first seen on.</summary>
    public long? AddOrGetFirst(in KeyEntry entry)
    {
        var mask = _slots.Length - 1;
        var i = (int)(entry.Hi & (ulong)mask);
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.IsEmpty)
            {
                slot = entry;
                Count++;
                return null;
            }

            if (slot.SameKey(entry))
            {
                return slot.Row;
            }

            i = (i + 1) & mask;
        }
    }

    public bool CanGrowWithin(long budgetBytes) => BytesHeld * 2 <= budgetBytes;

    public void Grow()
    {
        var old = _slots;
        _slots = new KeyEntry[old.Length * 2];
        Count = 0;
        foreach (var entry in old)
        {
            if (!entry.IsEmpty)
            {
                AddOrGetFirst(entry);
            }
        }
    }

    /// <summary>Writes the keys to <paramref name="run"/> sorted by hash, and empties the set (keeping its capacity).</summary>
    public void DrainSortedTo(Stream run)
    {
        var n = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (!_slots[i].IsEmpty)
            {
                _slots[n++] = _slots[i];
            }
        }

        Array.Sort(_slots, 0, n);
        run.Write(MemoryMarshal.AsBytes(_slots.AsSpan(0, n)));
        Array.Clear(_slots);
        Count = 0;
    }
}
