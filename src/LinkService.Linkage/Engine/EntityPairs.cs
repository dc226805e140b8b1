using LinkService.Configuration.Projects;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// What the entities join, pair by pair, as the mode counts pairs (and as precision and recall are measured): every
/// pair of records in one entity, the links themselves and the pairs joined only through other records, each scored by
/// the model, so the expected share of false pairs covers what clustering adds.
/// <para>
/// A pair joined through others is true at least when every link on a path between them is: its probability is the
/// best product of the links' probabilities (after the candidate decision) along a path between them, a link's own
/// probability for a linked pair (an alias scores low against the claim on its own, but is as sure as the two links
/// that join it). Scoring each pair on its own counted every alias joined through a claim as probably false.
/// </para>
/// <para>
/// A link keeps its own probability even when a path through others is surer, and a pair joined only through others
/// is no surer than its own comparison allows: its path's odds fall by its own likelihood ratio (its weight less its
/// prior) where that is against it (two namesakes' claims joined through one offender disagree with each other on what
/// tells them apart). The path's links have paid the prior that the records are one person; charged the pair's own
/// prior again (its weight, as it once was), a pair whose comparison was for a match (an offender's alias and the
/// offender's claim, sharing a surname and a date of birth) fell to nearly nothing. At 1M × 3M (synth, default project)
/// the pairs joined through others hold 901 false pairs; the prior charged again expected about 1,300, the likelihood
/// ratio expects 317, while the links' own probabilities expect 1,466 false links where 1,062 are: the sum is within
/// 10 %, its parts are not (docs/linkage-model.md).
/// </para>
/// </summary>
internal static class EntityPairs
{
    // An entity of thousands of records would mean millions of pairs: beyond this many, every k-th pair stands for k.
    private const long MaxPairsScored = 20_000_000;

    /// <summary>How many pairs the entities join, and the sum of their match probabilities (the expected number that are true).</summary>
    // Paths are searched within entities of up to this many records; a larger one (rare) takes pairs' own scores.
    private const int MaxPathRecords = 64;

    /// <returns>
    /// Also, per pair of sources (<see cref="SourcePairs"/>), the expected true pairs among those no blocking rule
    /// generated: matches outside every block that the entities joined all the same, through other records.
    /// </returns>
    public static (long Pairs, double ExpectedTrue, Dictionary<int, double> JoinedOutsideBlocks) Score(
        RecordTable table, int[] entity, LinkageMode mode, PairScorer scorer, Comparison.PairComparer comparer, IReadOnlyList<ScoredPair> links, RuleHashes hashes)
    {
        var linkProbability = new Dictionary<(int, int), float>(links.Count);
        foreach (var link in links)
        {
            linkProbability[(Math.Min(link.A, link.B), Math.Max(link.A, link.B))] = link.Probability;
        }

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
        var joinedOutside = new Dictionary<int, double>();
        long seen = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            var paths = end - start <= MaxPathRecords ? BestPaths(records.AsSpan(start, end - start), linkProbability) : null;
            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < end; j++)
                {
                    var (a, b) = (records[i], records[j]);
                    if (Counts(mode, source[a] == source[b]) && seen++ % stride == 0)
                    {
                        var probability = stride * (linkProbability.TryGetValue((Math.Min(a, b), Math.Max(a, b)), out var own)
                            ? own
                            : paths is null
                                ? FellegiSunterModel.Probability(scorer.Weight(a, b, comparer.Pattern(a, b)))
                                : ThroughOthers(paths[i - start, j - start], scorer.Weight(a, b, comparer.Pattern(a, b)) - scorer.PriorWeight(a, b)));
                        expected += probability;
                        if (!hashes.AnyBefore(hashes.Rules, a, b))
                        {
                            var stratum = SourcePairs.Of(source[a], source[b]);
                            joinedOutside[stratum] = joinedOutside.GetValueOrDefault(stratum) + probability;
                        }
                    }
                }
            }

            start = end;
        }

        return (pairs, expected, joinedOutside);
    }

    /// <summary>
    /// A pair joined only through others: its best path's odds, lowered by its own likelihood ratio where that is against
    /// it, never raised (what it agrees on is mostly what the path's links agreed on).
    /// </summary>
    private static double ThroughOthers(double path, double ownLikelihoodBits) =>
        path >= 1 ? 1 : FellegiSunterModel.Probability(Math.Log2(path / (1 - path)) + Math.Min(0, ownLikelihoodBits));

    /// <summary>For the records of one entity, the best product of link probabilities along a path between each two (Floyd–Warshall on products).</summary>
    private static double[,] BestPaths(ReadOnlySpan<int> members, Dictionary<(int, int), float> links)
    {
        var n = members.Length;
        var best = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            best[i, i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                var key = (Math.Min(members[i], members[j]), Math.Max(members[i], members[j]));
                best[i, j] = best[j, i] = links.TryGetValue(key, out var p) ? p : 0;
            }
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    best[i, j] = Math.Max(best[i, j], best[i, k] * best[k, j]);
                }
            }
        }

        return best;
    }

    private static bool Counts(LinkageMode mode, bool sameSource) => mode switch
    {
        LinkageMode.Link => !sameSource,
        LinkageMode.Dedupe => sameSource,
        _ => true,
    };
}
