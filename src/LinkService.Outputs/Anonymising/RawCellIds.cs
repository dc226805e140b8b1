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
/// Equal bytes are equal text; one text may have two numbers (quoted and not), which the caller's map from number to
/// value makes one again. The hash is seeded afresh for each table, so no delivery can be made to collide in it.
/// </remarks>
internal sealed class RawCellIds
{
    private readonly long _seed = Random.Shared.NextInt64();
    private byte[] _bytes = new byte[1 << 12];

    // Where each cell's bytes start, and one past the last cell's end.
    private int[] _starts = new int[1025];

    // Each slot holds a cell's hash (high half) and its number plus one (low half), 0 when empty: a probe compares
    // hashes without touching the bytes, and the bytes only when the hashes agree.
    private long[] _slots = new long[2048];

    public int Count { get; private set; }

    /// <summary>The cell's number; <paramref name="added"/> when it is met for the first time (and numbered <see cref="Count"/> − 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IdOf(ReadOnlySpan<byte> cell, out bool added)
    {
        var hash = (int)XxHash3.HashToUInt64(cell, _seed);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                added = true;
                return Add(cell, hash, slot);
            }

            var id = (int)entry - 1;
            if ((int)(entry >> 32) == hash && Bytes(id).SequenceEqual(cell))
            {
                added = false;
                return id;
            }
        }
    }

    private ReadOnlySpan<byte> Bytes(int id) => _bytes.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    private int Add(ReadOnlySpan<byte> cell, int hash, int slot)
    {
        var id = Count++;
        var start = _starts[id];
        if (start + cell.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, start + cell.Length));
        }

        if (id + 1 == _starts.Length)
        {
            Array.Resize(ref _starts, 2 * _starts.Length);
        }

        cell.CopyTo(_bytes.AsSpan(start));
        _starts[id + 1] = start + cell.Length;
        _slots[slot] = ((long)hash << 32) | (uint)(id + 1);
        if (2 * Count > _slots.Length)
        {
            _slots = IdSlots.Rehash(_slots, 2 * _slots.Length);
        }

        return id;
    }
}
