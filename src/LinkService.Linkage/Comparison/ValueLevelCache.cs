namespace LinkService.Linkage.Comparison;

/// <summary>
/// The level two values give by themselves (the levels that read nothing but the two values: exact, nickname,
/// Jaro–Winkler, prefix, initial, phonetic codes), remembered per pair of value ids. Names are interned, so equal ids
/// are equal text: a pair of names met before is not compared again. At 1M × 3M a tenth of the candidate pairs'
/// differing forenames are pairs not met before.
/// <para>
/// A table of one word a slot, a slot per hash of the two ids (a pair that hashes to a taken slot takes it over): the
/// two ids and the level share the word, written and read whole, so both cores use it without a lock, and a slot
/// holds what one of them computed, which is what the other would have. The levels given are the same whatever the
/// thread order; only the work saved varies.
/// </para>
/// </summary>
internal sealed class ValueLevelCache
{
    /// <summary>Value ids must fit in this many bits each, beside the level.</summary>
    public const int IdBits = 28;

    private const int LevelBits = 8;
    private readonly ulong[] _slots;
    private readonly int _shift;

    /// <param name="bits">The table holds 2^bits pairs.</param>
    public ValueLevelCache(int bits)
    {
        _slots = new ulong[1 << bits];
        _shift = 64 - bits;
    }

    /// <summary>Whether every id of a pool of <paramref name="values"/> values fits a slot.</summary>
    public static bool Fits(int values) => values <= 1 << IdBits;

    /// <summary>The level remembered for values <paramref name="a"/> and <paramref name="b"/> (in this order), if any.</summary>
    public bool TryGet(int a, int b, out byte level)
    {
        var key = Key(a, b);
        var slot = Volatile.Read(ref _slots[Slot(key)]);
        level = (byte)((slot & 0xFF) - 1);
        return slot >> LevelBits == key;
    }

    public void Set(int a, int b, byte level)
    {
        var key = Key(a, b);
        Volatile.Write(ref _slots[Slot(key)], (key << LevelBits) | (uint)(level + 1));
    }

    private static ulong Key(int a, int b) => ((ulong)(uint)a << IdBits) | (uint)b;

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
