namespace LinkService.Linkage.Engine;

/// <summary>
/// The links' probabilities, found by their two records: per record, the links whose smaller record it is. A record
/// has a few links, so a lookup scans a few ints, where a dictionary of millions of pairs took its building and a
/// hash of every pair the entities join.
/// </summary>
internal sealed class LinkedPairs
{
    private readonly int[] _start;
    private readonly int[] _other;
    private readonly float[] _probability;

    public LinkedPairs(IReadOnlyList<ScoredPair> links, int records)
    {
        _start = new int[records + 1];
        foreach (var link in links)
        {
            _start[Math.Min(link.A, link.B) + 1]++;
        }

        for (var i = 0; i < records; i++)
        {
            _start[i + 1] += _start[i];
        }

        var next = _start[..^1];
        _other = new int[links.Count];
        _probability = new float[links.Count];
        foreach (var link in links)
        {
            var at = next[Math.Min(link.A, link.B)]++;
            (_other[at], _probability[at]) = (Math.Max(link.A, link.B), link.Probability);
        }
    }

    /// <summary>Whether records <paramref name="a"/> and <paramref name="b"/> (either order) are linked, and the link's probability.</summary>
    public bool TryGet(int a, int b, out float probability)
    {
        var (smaller, larger) = (Math.Min(a, b), Math.Max(a, b));
        for (var k = _start[smaller]; k < _start[smaller + 1]; k++)
        {
            if (_other[k] == larger)
            {
                probability = _probability[k];
                return true;
            }
        }

        probability = 0;
        return false;
    }
}
