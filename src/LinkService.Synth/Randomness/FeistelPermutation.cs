namespace LinkService.Synth.Randomness;

/// <summary>
/// A keyed bijection of [0, size): a balanced Feistel network over the smallest even number of bits
/// that covers the range, with cycle walking. Orders records and people pseudo-randomly without
/// holding an array of millions of indices.
/// </summary>
internal readonly struct FeistelPermutation
{
    private const int Rounds = 4;
    private readonly ulong _size;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong _key;

    public FeistelPermutation(long size, ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _size = (ulong)size;
        var bits = Math.Max(2, 64 - (int)ulong.LeadingZeroCount((_size - 1) | 1));
        bits += bits & 1;
        _halfBits = bits / 2;
        _halfMask = (1UL << _halfBits) - 1;
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

    private ulong Encrypt(ulong value)
    {
        var left = value >> _halfBits;
        var right = value & _halfMask;
        for (var round = 0; round < Rounds; round++)
        {
            var next = left ^ (SplitMix.Mix(right ^ _key ^ ((ulong)round * 0xD6E8FEB86659FD93UL)) & _halfMask);
            left = right;
            right = next;
        }

        return (left << _halfBits) | right;
    }
}
