using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// What the entities join, pair by pair, as the mode counts pairs (and as precision and recall are measured): every
/// pair of records in one entity, the links themselves and the pairs joined only through other records, each scored by
/// the model, so the expected share of false pairs covers what clustering adds.
/// </summary>
internal static class EntityPairs
{
    // An entity of thousands of records would mean millions of pairs: beyond this many, every k-th pair stands for k.
    private const long MaxPairsScored = 20_000_000;

    /// <summary>How many pairs the entities join, and the sum of their match probabilities (the expected number that are true).</summary>
    public static (long Pairs, double ExpectedTrue) Score(RecordTable table, int[] entity, LinkageMode mode, PairScorer scorer, Comparison.PairComparer comparer)
    {
        var records = Enumerable.Range(0, table.Count).ToArray();
        var keys = (int[])entity.Clone();
        Array.Sort(keys, records);
        var source = table.Source;
        long pairs = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < end; j++)
                {
                    pairs += Counts(mode, source[records[i]] == source[records[j]]) ? 1 : 0;
                }
            }

            start = end;
        }

        var stride = Math.Max(1, (pairs + MaxPairsScored - 1) / MaxPairsScored);
        var expected = 0.0;
        long seen = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < end; j++)
                {
                    var (a, b) = (records[i], records[j]);
                    if (Counts(mode, source[a] == source[b]) && seen++ % stride == 0)
                    {
                        expected += stride * FellegiSunterModel.Probability(scorer.Weight(a, b, comparer.Pattern(a, b)));
                    }
                }
            }

            start = end;
        }

        return (pairs, expected);
    }

    private static bool Counts(LinkageMode mode, bool sameSource) => mode switch
    {
        LinkageMode.Link => !sameSource,
        LinkageMode.Dedupe => sameSource,
        _ => true,
    };
}
