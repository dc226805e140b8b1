using System.Runtime.CompilerServices;
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
        var source = table.Source;

        // The links by record, on one core, while the other groups the records by entity (numbered from 1), in record order within each.
        var (linked, (starts, records)) = Workers.Both(
            () => new LinkedPairs(links, table.Count),
            () => Buckets.Of(entity, (entity.Length == 0 ? 0 : entity.Max()) + 1));

        // The entities of two records or more, as ranges of `records`.
        var groups = new List<(int Start, int End)>();
        for (var e = 0; e + 1 < starts.Length; e++)
        {
            if (starts[e + 1] - starts[e] >= 2)
            {
                groups.Add((starts[e], starts[e + 1]));
            }
        }

        // Each entity is scored on its own, over both cores; every k-th pair is the same pair whatever the thread order,
        // as each entity knows how many pairs the entities before it hold.
        var before = new long[groups.Count + 1];
        Parallel.For(0, groups.Count, Workers.Options(), g => before[g + 1] = PairsWithin(records.AsSpan(groups[g].Start, groups[g].End - groups[g].Start), source, mode));
        for (var g = 0; g < groups.Count; g++)
        {
            before[g + 1] += before[g];
        }

        var pairs = before[^1];
        var stride = Math.Max(1, (pairs + MaxPairsScored - 1) / MaxPairsScored);
        var expected = new double[groups.Count];
        var outside = new List<(int Stratum, double Probability)>?[groups.Count];
        const int Chunk = 1024;
        Parallel.For(0, (groups.Count + Chunk - 1) / Chunk, Workers.Options(), chunk =>
        {
            for (var g = chunk * Chunk; g < Math.Min(groups.Count, (chunk + 1) * Chunk); g++)
            {
                var (start, end) = groups[g];
                var seen = before[g];
                // Found when a pair is first met that no link joins: an entity of two records is one link, and has none.
                double[,]? paths = null;
                var tooLarge = end - start > MaxPathRecords;
                for (var i = start; i < end; i++)
                {
                    for (var j = i + 1; j < end; j++)
                    {
                        var (a, b) = (records[i], records[j]);
                        if (Counts(mode, source[a] == source[b]) && seen++ % stride == 0)
                        {
                            double probability;
                            if (linked.TryGet(a, b, out var own))
                            {
                                probability = own;
                            }
                            else
                            {
                                paths ??= tooLarge ? null : BestPaths(records.AsSpan(start, end - start), linked);
                                var weight = scorer.Weight(a, b, comparer.Pattern(a, b));
                                probability = paths is null ? FellegiSunterModel.Probability(weight) : ThroughOthers(paths[i - start, j - start], weight - scorer.PriorWeight(a, b));
                            }

                            probability *= stride;
                            expected[g] += probability;
                            if (!hashes.AnyBefore(hashes.Rules, a, b))
                            {
                                (outside[g] ??= []).Add((SourcePairs.Of(source[a], source[b]), probability));
                            }
                        }
                    }
                }
            }
        });

        // Summed in the entities' order, so every run gives the same sums.
        var joinedOutside = new Dictionary<int, double>();
        var expectedTrue = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            expectedTrue += expected[g];
            foreach (var (stratum, probability) in outside[g] ?? [])
            {
                joinedOutside[stratum] = joinedOutside.GetValueOrDefault(stratum) + probability;
            }
        }

        return (pairs, expectedTrue, joinedOutside);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long PairsWithin(ReadOnlySpan<int> members, byte[] source, LinkageMode mode)
    {
        long pairs = 0;
        for (var i = 0; i < members.Length; i++)
        {
            for (var j = i + 1; j < members.Length; j++)
            {
                pairs += Counts(mode, source[members[i]] == source[members[j]]) ? 1 : 0;
            }
        }

        return pairs;
    }

    /// <summary>
    /// A pair joined only through others: its best path's odds, lowered by its own likelihood ratio where that is against
    /// it, never raised (what it agrees on is mostly what the path's links agreed on).
    /// </summary>
    private static double ThroughOthers(double path, double ownLikelihoodBits) =>
        path >= 1 ? 1 : FellegiSunterModel.Probability(Math.Log2(path / (1 - path)) + Math.Min(0, ownLikelihoodBits));

    /// <summary>For the records of one entity, the best product of link probabilities along a path between each two (Floyd–Warshall on products).</summary>
    private static double[,] BestPaths(ReadOnlySpan<int> members, LinkedPairs links)
    {
        var n = members.Length;
        var best = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            best[i, i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                best[i, j] = best[j, i] = links.TryGet(members[i], members[j], out var p) ? p : 0;
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
