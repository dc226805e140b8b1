using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// −log2 of a value's frequency, per term-frequency comparison, as the pair's own two sources hold it: the chance that a
/// stranger in those sources shares the value.
/// <para>
/// Within one source it is that source's frequency; across two, the mean of the two in bits (the geometric mean of the
/// frequencies). One frequency over every record understated how often two offenders share a man's forename (DAVID is
/// a larger share of a mostly male justice extract than of all records), so namesakes among offenders linked more often
/// than their probability said.
/// </para>
/// </summary>
internal sealed class TermSurprisal
{
    private readonly double[][] _pooled;
    private readonly Dictionary<int, double[][]> _bySourcePair = [];

    /// <param name="comparer">The project's comparisons over the records.</param>
    /// <param name="source">Per record, its source; null: one frequency over every record.</param>
    public TermSurprisal(PairComparer comparer, byte[]? source)
    {
        var comparisons = comparer.Comparisons.Where(c => c.Spec.TermFrequency && c.Column.Pool is not null).ToList();
        _pooled = new double[comparer.Comparisons.Count][];
        foreach (var comparison in comparisons)
        {
            _pooled[comparison.Index] = [.. Enumerable.Range(0, comparison.Column.Counts.Length).Select(v => -Math.Log2(comparison.Column.Frequency(v)))];
        }

        var sources = source is null || source.Length == 0 ? 0 : source.Max() + 1;
        if (sources < 2)
        {
            return;
        }

        var perSource = comparisons.ToDictionary(c => c.Index, c => OwnSurprisal(c.Column.Values, c.Column.Counts.Length, source!, sources));
        for (var s = 0; s < sources; s++)
        {
            for (var t = s; t < sources; t++)
            {
                var rows = new double[comparer.Comparisons.Count][];
                foreach (var comparison in comparisons)
                {
                    var (own, other) = (perSource[comparison.Index][s], perSource[comparison.Index][t]);
                    rows[comparison.Index] = s == t ? own : [.. own.Select((bits, v) => (bits + other[v]) / 2)];
                }

                _bySourcePair[SourcePairs.Of(s, t)] = rows;
            }
        }
    }

    /// <summary>Per comparison (null where it has no term frequencies), per value id, the surprisal in bits.</summary>
    public double[][] Of(int? sourcePair) => sourcePair is { } key && _bySourcePair.TryGetValue(key, out var rows) ? rows : _pooled;

    private static double[][] OwnSurprisal(int[] values, int poolSize, byte[] source, int sources)
    {
        var counts = new int[sources][];
        var held = new long[sources];
        for (var s = 0; s < sources; s++)
        {
            counts[s] = new int[poolSize];
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                counts[source[i]][values[i]]++;
                held[source[i]]++;
            }
        }

        // A value a source never holds counts once, as Column.Frequency does: a stranger there might.
        return [.. Enumerable.Range(0, sources).Select(s => counts[s].Select(n => held[s] == 0 ? 0 : -Math.Log2(Math.Max(1, n) / (double)held[s])).ToArray())];
    }
}
