using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using LinkService.Linkage.Data;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Numbers a column's cells by their bytes as the file holds them (<see cref="LinkService.Deliveries.AcceptedRows.RawCell"/>),
/// from 0 in the order first met. A cell met before is known by its bytes alone: neither decoded into characters nor
/// interned as text, which is most of the time a column of a few thousand values spent on its millions of rows.
/// </summary>
/// <remarks>
/// <para>
/// Equal bytes are equal text; one text may have two numbers (quoted and not), which the caller's map from number to
/// value makes one again. The hash is seeded afresh for each table, so no delivery can be made to collide in it.
/// </para>
/// <para>
/// A cell of up to <see cref="InSlot"/> bytes (dates, amounts, codes, postcodes: nearly every cell) is held in its
/// slot with its length and number, and is found by reading that one slot. Kept apart, slot, cell start and cell bytes
/// were three places in memory a cell, and with fifty thousand amounts in a column, three cache misses: numbering the
/// 3M-row welfare file's cells took 1.2 s of its thread's CPU at 1M × 3M, and 0.6 s held in their slots.
/// </para>
/// </remarks>
internal sealed class RawCellIds
{
    /// <summary>The longest cell held in its slot: 8 bytes, 3 more, and the length, beside the number (<see cref="Pack"/>).</summary>
    private const int InSlot = 11;

    private readonly long _seed = Random.Shared.NextInt64();

    // Short cells: each slot holds the cell packed (Pack), Low as it is and High's 32 bits in High's low half, and
    // its number plus one in High's high half; High is 0 when the slot is empty.
    private Slot[] _short = new Slot[2048];
    private int _shortCount;

    // Longer cells: their bytes one after another, where each starts (and one past the last one's end), and their
    // numbers; each slot holds a cell's hash (high half) and its index among the longer cells plus one (low half), 0
    // when empty: a probe compares hashes without touching the bytes, and the bytes only when the hashes agree.
    private byte[] _bytes = new byte[1 << 12];
    private int[] _starts = new int[1025];
    private int[] _longIds = new int[1024];
    private long[] _slots = new long[2048];
    private int _longCount;

    public int Count { get; private set; }

    /// <summary>The cell's number; <paramref name="added"/> when it is met for the first time (and numbered <see cref="Count"/> − 1).</summary>
    public int IdOf(ReadOnlySpan<byte> cell, out bool added) =>
        cell.Length <= InSlot ? ShortIdOf(cell, out added) : LongIdOf(cell, (int)XxHash3.HashToUInt64(cell, _seed), out added);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ShortIdOf(ReadOnlySpan<byte> cell, out bool added)
    {
        var (low, high) = Pack(cell);
        var mask = _short.Length - 1;
        for (var slot = (int)Hash(low, high) & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref _short[slot];
            if (entry.High == 0)
            {
                added = true;
                var id = Count++;
                entry = new Slot(low, ((ulong)(uint)(id + 1) << 32) | high);
                if (2 * ++_shortCount > _short.Length)
                {
                    _short = Rehash(_short, 2 * _short.Length);
                }

                return id;
            }

            if (entry.Low == low && (uint)entry.High == high)
            {
                added = false;
                return (int)(entry.High >> 32) - 1;
            }
        }
    }

    /// <summary>
    /// A short cell as two numbers, the same for equal cells and different for any two others: its length (the top
    /// byte of the second) and its bytes, read whole where they fit. Of 8 to 11 bytes: the first 8, and the rest read
    /// as the last 4 and shifted; of 4 to 7, the first 4 and the rest likewise; of 1 to 3, the first, middle and last,
    /// which with the length are all of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, uint High) Pack(ReadOnlySpan<byte> cell)
    {
        var length = cell.Length;
        if (length >= 8)
        {
            var rest = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(cell[(length - 4)..]) >> (8 * (12 - length));
            return (BinaryPrimitives.ReadUInt64LittleEndian(cell), (uint)rest | ((uint)length << 24));
        }

        if (length >= 4)
        {
            var rest = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(cell[(length - 4)..]) >> (8 * (8 - length));
            return (BinaryPrimitives.ReadUInt32LittleEndian(cell) | (rest << 32), (uint)length << 24);
        }

        return (length == 0 ? 0 : cell[0] | ((ulong)cell[length >> 1] << 8) | ((ulong)cell[length - 1] << 16), (uint)length << 24);
    }

    /// <summary>A packed short cell's hash, under this table's seed.</summary>
    private ulong Hash(ulong low, uint high) => Mix(low ^ (ulong)_seed) ^ Mix(high + (ulong)_seed);

    // The 64-bit finaliser of MurmurHash3: every bit of the input moves about half the output's.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 33)) * 0xff51afd7ed558ccdUL;
        x = (x ^ (x >> 33)) * 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }

    private Slot[] Rehash(Slot[] slots, int length)
    {
        var grown = new Slot[length];
        var mask = length - 1;
        foreach (var entry in slots)
        {
            if (entry.High == 0)
            {
                continue;
            }

            var slot = (int)Hash(entry.Low, (uint)entry.High) & mask;
            while (grown[slot].High != 0)
            {
                slot = (slot + 1) & mask;
            }

            grown[slot] = entry;
        }

        return grown;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LongIdOf(ReadOnlySpan<byte> cell, int hash, out bool added)
    {
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                added = true;
                return AddLong(cell, hash, slot);
            }

            var index = (int)entry - 1;
            if ((int)(entry >> 32) == hash && Bytes(index).SequenceEqual(cell))
            {
                added = false;
                return _longIds[index];
            }
        }
    }

    private ReadOnlySpan<byte> Bytes(int index) => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    private int AddLong(ReadOnlySpan<byte> cell, int hash, int slot)
    {
        var index = _longCount++;
        var start = _starts[index];
        if (start + cell.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, start + cell.Length));
        }

        if (index + 1 == _starts.Length)
        {
            Array.Resize(ref _starts, 2 * _starts.Length);
            Array.Resize(ref _longIds, _starts.Length);
        }

        cell.CopyTo(_bytes.AsSpan(start));
        _starts[index + 1] = start + cell.Length;
        _longIds[index] = Count++;
        _slots[slot] = ((long)hash << 32) | (uint)(index + 1);
        if (2 * _longCount > _slots.Length)
        {
            _slots = IdSlots.Rehash(_slots, 2 * _slots.Length);
        }

        return _longIds[index];
    }

    private readonly record struct Slot(ulong Low, ulong High);
}
