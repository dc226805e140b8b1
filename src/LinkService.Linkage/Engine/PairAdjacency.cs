namespace LinkService.Linkage.Engine;

/// <summary>
/// Per record, the pairs it is in: the other record and a figure of the pair (its weight, or its probability), the
/// record's pairs at <c>Start[r]</c> to <c>Start[r + 1]</c>, in the pairs' order.
/// </summary>
internal sealed record PairAdjacency(int[] Start, int[] Other, float[] Value)
{
    public static PairAdjacency Of(IReadOnlyList<ScoredPair> pairs, int records, Func<ScoredPair, float> value)
    {
        var start = new int[records + 1];
        foreach (var pair in pairs)
        {
            start[pair.A + 1]++;
            start[pair.B + 1]++;
        }

        for (var r = 0; r < records; r++)
        {
            start[r + 1] += start[r];
        }

        var next = start[..^1];
        var other = new int[pairs.Count * 2];
        var values = new float[pairs.Count * 2];
        foreach (var pair in pairs)
        {
            var figure = value(pair);
            (other[next[pair.A]], values[next[pair.A]++]) = (pair.B, figure);
            (other[next[pair.B]], values[next[pair.B]++]) = (pair.A, figure);
        }

        return new PairAdjacency(start, other, values);
    }
}
