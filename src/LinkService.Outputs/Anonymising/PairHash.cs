namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Hashes a pair of small numbers packed in a long (<see cref="TupleNumbers"/>) with all its bits mixed. A long's own
/// hash is its halves XORed, which maps a birth year's id and a district's id, both small, onto a few thousand codes:
/// at 1M rows k-anonymity's counting spent seconds walking the chains.
/// </summary>
internal sealed class PairHash : IEqualityComparer<long>
{
    public static PairHash Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    // Fibonacci hashing: the multiply spreads every input bit over the high half, which is the half kept.
    public int GetHashCode(long obj) => (int)((ulong)obj * 0x9E3779B97F4A7C15UL >> 32);
}
