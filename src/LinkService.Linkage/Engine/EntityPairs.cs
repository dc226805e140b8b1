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
        RecordTable table, int[] entity, LinkageMode mode, PairScorer scorer, Comparison.PairComparer comparer, IReadOnlyList<ScoredPair> accepted, RuleHashes hashes)
    {
        var links = PairAdjacency.Of(accepted, table.Count, link => link.Probability);
        var (starts, records) = Members(entity);
        var source = table.Source;
        long pairs = 0;
        for (var e = 0; e < starts.Length - 1; e++)
        {
            for (var i = starts[e]; i < starts[e + 1]; i++)
            {
                for (var j = i + 1; j < starts[e + 1]; j++)
                {
                    pairs += Counts(mode, source[records[i]] == source[records[j]]) ? 1 : 0;
                }
            }
        }

        var stride = Math.Max(1, (pairs + MaxPairsScored - 1) / MaxPairsScored);
        var expected = 0.0;
        var joinedOutside = new Dictionary<int, double>();
        var paths = new double[MaxPathRecords * MaxPathRecords];
        long seen = 0;
        for (var e = 0; e < starts.Length - 1; e++)
        {
            var (start, end) = (starts[e], starts[e + 1]);
            if (end - start < 2)
            {
                continue;
            }

            var members = records.AsSpan(start, end - start);
            var withPaths = members.Length <= MaxPathRecords;
            if (withPaths)
            {
                BestPaths(members, links, paths);
            }

            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < end; j++)
                {
                    var (a, b) = (records[i], records[j]);
                    if (Counts(mode, source[a] == source[b]) && seen++ % stride == 0)
                    {
                        var probability = stride * (withPaths ? paths[((i - start) * members.Length) + j - start] : FellegiSunterModel.Probability(scorer.Weight(a, b, comparer.Pattern(a, b))));
                        expected += probability;
                        if (!hashes.AnyBefore(hashes.Rules, a, b))
                        {
                            var stratum = SourcePairs.Of(source[a], source[b]);
                            joinedOutside[stratum] = joinedOutside.GetValueOrDefault(stratum) + probability;
                        }
                    }
                }
            }
        }

        return (pairs, expected, joinedOutside);
    }

    /// <summary>The records of each entity (numbered from 1) in record order, entity by entity: entity e's are <c>records[starts[e - 1]..starts[e]]</c>.</summary>
    private static (int[] Starts, int[] Records) Members(int[] entity)
    {
        var entities = entity.Length == 0 ? 0 : entity.Max();
        var starts = new int[entities + 1];
        foreach (var e in entity)
        {
            starts[e]++;
        }

        for (var e = 0; e < entities; e++)
        {
            starts[e + 1] += starts[e];
        }

        var next = starts[..^1];
        var records = new int[entity.Length];
        for (var r = 0; r < entity.Length; r++)
        {
            records[next[entity[r] - 1]++] = r;
        }

        return (starts, records);
    }

    /// <summary>
    /// For the records of one entity, the best product of link probabilities along a path between each two (Floyd–Warshall
    /// on products), row-major into <paramref name="best"/>.
    /// </summary>
    private static void BestPaths(ReadOnlySpan<int> members, PairAdjacency links, double[] best)
    {
        var n = members.Length;
        best.AsSpan(0, n * n).Clear();
        for (var i = 0; i < n; i++)
        {
            best[(i * n) + i] = 1;
            for (var k = links.Start[members[i]]; k < links.Start[members[i] + 1]; k++)
            {
                // Members are in record order: the linked record's place among them is found by halving.
                var j = members.BinarySearch(links.Other[k]);
                if (j >= 0)
                {
                    best[(i * n) + j] = best[(j * n) + i] = links.Value[k];
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    best[(i * n) + j] = Math.Max(best[(i * n) + j], best[(i * n) + k] * best[(k * n) + j]);
                }
            }
        }
    }

    private static bool Counts(LinkageMode mode, bool sameSource) => mode switch
    {
        LinkageMode.Link => !sameSource,
        LinkageMode.Dedupe => sameSource,
        _ => true,
    };
}
