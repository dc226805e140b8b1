using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LinkService.Linkage.Data;

/// <summary>
/// Interned strings kept in one character buffer with an open-addressing index: id 0 is "missing", ids
/// count up from 1 in first-seen order. Millions of distinct values cost a few arrays, not millions of
/// objects for the garbage collector to trace.
/// </summary>
internal sealed class SpanInterner
{
    private char[] _chars = new char[1 << 16];
    private int _charCount;
    private int[] _starts = new int[1024];

    // Each slot holds a value's hash (high half) and id (low half), 0 when empty: a probe compares hashes without
    // touching another array, and the characters only when the hashes agree.
    private long[] _slots = new long[2048];
    private int _count = 1;

    public int Count => _count;

    /// <summary>The characters of the values interned, all together.</summary>
    public long Chars => _charCount;

    public ReadOnlySpan<char> this[int id] => _chars.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    public int Intern(ReadOnlySpan<char> value) => Find(value, Hash(value), add: true);

    /// <summary><see cref="Intern(ReadOnlySpan{char})"/> of a value whose <see cref="Hash"/> is already known.</summary>
    public int Intern(ReadOnlySpan<char> value, int hash) => Find(value, hash, add: true);

    /// <summary>The id of a value already interned, or 0.</summary>
    public int Lookup(ReadOnlySpan<char> value) => Find(value, Hash(value), add: false);

    public static int Hash(ReadOnlySpan<char> value) => string.GetHashCode(value, StringComparison.Ordinal);

    /// <summary>
    /// Starts fetching the slot a value of hash <paramref name="hash"/> is looked up in, without waiting for it: with millions
    /// of values the table is far larger than the cache, and a lookup waited on memory for most of its time. Interning a run of
    /// values, a caller names each a few values ahead, so its slot is there when it is interned. Only a hint: a slot moved
    /// since (by a rehash or the garbage collector) costs a wasted fetch, nothing else.
    /// </summary>
    public void Prefetch(int hash) => CacheFetch.Ahead(_slots, hash & (_slots.Length - 1));

    /// <summary>
    /// Makes room for <paramref name="count"/> values in all, so that interning them rehashes the table no more, and for
    /// <paramref name="chars"/> characters of them in all, so that their buffer is not grown by doubling on the way.
    /// </summary>
    public void EnsureCapacity(int count, long chars = 0)
    {
        if (count + 1 > _starts.Length)
        {
            Array.Resize(ref _starts, count + 1);
        }

        if (chars > _chars.Length)
        {
            Array.Resize(ref _chars, (int)Math.Min(chars, Array.MaxLength));
        }

        if (count * 2 > _slots.Length)
        {
            Rehash((int)BitOperations.RoundUpToPowerOf2((uint)count * 2));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<char> value, int hash, bool add)
    {
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return add ? Add(value, hash, slot) : 0;
            }

            if ((int)(entry >> 32) == hash && this[(int)entry].SequenceEqual(value))
            {
                return (int)entry;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Add(ReadOnlySpan<char> value, int hash, int slot)
    {
        var id = _count++;
        if (_count + 1 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        if (_charCount + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + value.Length));
        }

        value.CopyTo(_chars.AsSpan(_charCount));
        _starts[id] = _charCount;
        _charCount += value.Length;
        _starts[id + 1] = _charCount;
        _slots[slot] = ((long)hash << 32) | (uint)id;
        if (_count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }

        return id;
    }

    private void Rehash(int length) => _slots = IdSlots.Rehash(_slots, length);
}

/// <summary>Strings appended one after another into one buffer (record ids), read back by index.</summary>
internal sealed class StringArena
{
    private readonly List<char> _chars = new(1 << 16);
    private readonly List<int> _ends = [];

    public int Count => _ends.Count;

    /// <summary>The characters of the strings added, all together.</summary>
    public long Chars => _chars.Count;

    /// <summary>Makes room for <paramref name="count"/> strings in all, as long on average as those added so far.</summary>
    public void Reserve(int count)
    {
        if (count > _ends.Count && _ends.Count > 0)
        {
            _ends.EnsureCapacity(count);
            _chars.EnsureCapacity((int)Math.Min(Array.MaxLength, (long)_chars.Count * count / _ends.Count));
        }
    }

    /// <summary>Gives back room well beyond what is held (<see cref="SourceRecords.Slack"/>).</summary>
    public void TrimExcess()
    {
        if (_ends.Capacity > SourceRecords.Slack(_ends.Count))
        {
            _ends.Capacity = _ends.Count;
        }

        if (_chars.Capacity > SourceRecords.Slack(_chars.Count))
        {
            _chars.Capacity = _chars.Count;
        }
    }

    /// <summary>The strings there is room for.</summary>
    public int Capacity => _ends.Capacity;

    public void Add(ReadOnlySpan<char> value)
    {
        _chars.AddRange(value);
        _ends.Add(_chars.Count);
    }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : _ends[index - 1];
            return CollectionsMarshal.AsSpan(_chars).Slice(start, _ends[index] - start);
        }
    }
}
