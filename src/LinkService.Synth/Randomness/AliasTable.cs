namespace LinkService.Synth.Randomness;

/// <summary>Vose's alias method: draws an index with the given relative weights in constant time.</summary>
internal sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(IReadOnlyList<double> weights)
    {
        var n = weights.Count;
        if (n == 0)
        {
            throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        }

        var total = weights.Sum();
        _probability = new double[n];
        _alias = new int[n];
        var scaled = weights.Select(w => w * n / total).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        foreach (var i in large.Concat(small))
        {
            _probability[i] = 1;
            _alias[i] = i;
        }
    }

    public int Count => _probability.Length;

    public int Sample(ref SplitMix rng)
    {
        var u = rng.NextUInt64();
        var i = (int)(((u >> 32) * (ulong)_probability.Length) >> 32);
        return (u & 0xFFFFFFFFUL) * (1.0 / 4294967296.0) < _probability[i] ? i : _alias[i];
    }
}
