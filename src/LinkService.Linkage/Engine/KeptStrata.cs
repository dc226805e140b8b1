using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Each kept pair's pair of sources (<see cref="SourcePairs"/>), read once for every settled-prior round: the rounds
/// sum the decided matches by pair of sources and shift each pair by its own, where a dictionary look-up a pair a
/// round took longer than the sums.
/// </summary>
internal sealed class KeptStrata
{
    // Per pair, its pair of sources as an index into _keys, which holds them in the order the pairs first show them.
    private readonly int[] _stratum;
    private readonly int[] _keys;

    public KeptStrata(List<ScoredPair> kept, RecordTable table)
    {
        var sources = table.SourceNames.Count;
        var source = table.Source;
        var cells = new int[kept.Count];
        Ranges.For(kept.Count, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var (s, t) = (source[kept[i].A], source[kept[i].B]);
                cells[i] = (Math.Min(s, t) * sources) + Math.Max(s, t);
            }
        });

        var dense = new int[sources * sources];
        Array.Fill(dense, -1);
        var keys = new List<int>();
        for (var i = 0; i < cells.Length; i++)
        {
            ref var index = ref dense[cells[i]];
            if (index < 0)
            {
                index = keys.Count;
                keys.Add(SourcePairs.Of(cells[i] / sources, cells[i] % sources));
            }

            cells[i] = index;
        }

        _stratum = cells;
        _keys = [.. keys];
    }

    /// <summary>Per pair of sources, the pairs' probabilities summed in the pairs' order (keys in the order the pairs first show them).</summary>
    /// <param name="pairs">The kept pairs, or others in their order (the decided ones).</param>
    public Dictionary<int, double> Sums(List<ScoredPair> pairs)
    {
        var sums = new double[_keys.Length];
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs);
        for (var i = 0; i < span.Length; i++)
        {
            sums[_stratum[i]] += span[i].Probability;
        }

        var found = new Dictionary<int, double>(_keys.Length);
        for (var k = 0; k < _keys.Length; k++)
        {
            found[_keys[k]] = sums[k];
        }

        return found;
    }

    /// <summary>Each pair's own value of <paramref name="byStratum"/> (0 for a pair of sources it does not hold).</summary>
    public double[] PerPair(IReadOnlyDictionary<int, double> byStratum)
    {
        var values = _keys.Select(k => byStratum.GetValueOrDefault(k)).ToArray();
        var perPair = new double[_stratum.Length];
        Ranges.For(perPair.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                perPair[i] = values[_stratum[i]];
            }
        });

        return perPair;
    }

    /// <summary>The largest magnitude of <paramref name="byStratum"/> over the pairs' own pairs of sources (0 without pairs).</summary>
    public double MostMoved(IReadOnlyDictionary<int, double> byStratum) => _keys.Select(k => Math.Abs(byStratum.GetValueOrDefault(k))).DefaultIfEmpty(0).Max();
}
