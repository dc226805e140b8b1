using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Model;

/// <summary>Draws pairs uniformly from the pairs the mode compares: across sources, within them, or any two records.</summary>
internal sealed class RandomPairSampler
{
    private readonly RecordTable _table;
    private readonly LinkageMode _mode;
    private readonly (int S, int T)[] _sourcePairs;
    private readonly double[] _cumulative;

    public RandomPairSampler(RecordTable table, LinkageMode mode)
    {
        _table = table;
        _mode = mode;
        var pairs = new List<(int, int)>();
        var weights = new List<double>();
        var sources = table.SourceNames.Count;
        for (var s = 0; s < sources; s++)
        {
            for (var t = s; t < sources; t++)
            {
                var w = s == t ? (mode == LinkageMode.Link ? 0 : table.SourceSize(s) * (table.SourceSize(s) - 1.0) / 2) : (mode == LinkageMode.Dedupe ? 0 : (double)table.SourceSize(s) * table.SourceSize(t));
                if (w > 0)
                {
                    pairs.Add((s, t));
                    weights.Add(w);
                }
            }
        }

        _sourcePairs = [.. pairs];
        PairsBySourcePair = pairs.Select((p, i) => (Key: SourcePairs.Of(p.Item1, p.Item2), Weight: weights[i])).ToDictionary(p => p.Key, p => p.Weight);
        TotalPairs = weights.Sum();
        var running = 0.0;
        _cumulative = [.. weights.Select(w => running += w / TotalPairs)];
    }

    /// <summary>Per pair of sources the mode compares (<see cref="SourcePairs"/>), how many pairs it holds.</summary>
    public IReadOnlyDictionary<int, double> PairsBySourcePair { get; }

    /// <summary>How many pairs the mode would compare without blocking.</summary>
    public double TotalPairs { get; }

    /// <summary>The pairs of sources the mode compares, as <see cref="SourcePairs"/> keys, in a fixed order.</summary>
    public IReadOnlyList<int> SourcePairKeys => [.. _sourcePairs.Select(p => SourcePairs.Of(p.S, p.T))];

    public (int A, int B) Next(Random random)
    {
        if (_sourcePairs.Length == 0)
        {
            return (0, 0);
        }

        var pick = random.NextDouble();
        var k = 0;
        while (k < _cumulative.Length - 1 && _cumulative[k] < pick)
        {
            k++;
        }

        return Next(random, k);
    }

    /// <summary>A random pair of the <paramref name="k"/>-th pair of sources (<see cref="SourcePairKeys"/>).</summary>
    public (int A, int B) Next(Random random, int k)
    {
        var (s, t) = _sourcePairs[k];
        var a = _table.SourceStart[s] + random.Next(_table.SourceSize(s));
        int b;
        do
        {
            b = _table.SourceStart[t] + random.Next(_table.SourceSize(t));
        }
        while (b == a);
        return (a, b);
    }
}
