namespace LinkService.Synth.Randomness;

/// <summary>
/// A keyed bijection of [0, size): a Feistel network over the smallest number of bits that covers
/// the range (halves of unequal width when the count is odd, so the domain is under twice the
/// range), with cycle walking. Orders records and people pseudo-randomly without holding an array
/// of millions of indices.
/// </summary>
internal readonly struct FeistelPermutation
{
    private const int Rounds = 4;
    private readonly ulong _size;
    private readonly int _leftBits;
    private readonly int _rightBits;
    private readonly ulong _key;

    public FeistelPermutation(long size, ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _size = (ulong)size;
        var bits = Math.Max(2, 64 - (int)ulong.LeadingZeroCount((_size - 1) | 1));
        _leftBits = (bits + 1) / 2;
        _rightBits = bits / 2;
        _key = key;
    }

    public long Map(long index)
    {
        var value = (ulong)index;
        do
        {
            value = Encrypt(value);
        }
        while (value >= _size);

        return (long)value;
    }

    /// <summary>Each round maps (L, R) to (R, L xor F(R)); the halves swap widths, and an even number of rounds swaps them back.</summary>
    private ulong Encrypt(ulong value)
    {
        int leftBits = _leftBits, rightBits = _rightBits;
        var left = value >> rightBits;
        var right = value & ((1UL << rightBits) - 1);
        for (var round = 0; round < Rounds; round++)
        {
            var next = left ^ (SplitMix.Mix(right ^ _key ^ ((ulong)round * 0xD6E8FEB86659FD93UL)) & ((1UL << leftBits) - 1));
            left = right;
            right = next;
            (leftBits, rightBits) = (rightBits, leftBits);
        }

        return (left << rightBits) | right;
    }
}
