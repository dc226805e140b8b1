using LinkService.Configuration.Projects;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Progress;

namespace LinkService.Linkage.Model;

/// <summary>
/// u probabilities from random pairs (nearly all non-matches), in seeded chunks over both cores so
/// the estimate is the same every run. Each level gets half a pseudo-pair (Jeffreys' prior), so a level no random pair
/// showed has u = 0.5 / (samples + levels / 2) rather than zero; the counts are kept so model.json can say how much
/// evidence each u rests on.
/// <para>
/// u is estimated per pair of sources, the samples shared equally between them: two offenders (young men, mostly)
/// share a sex, a forename and a year of birth by chance far more often than an offender and a claimant do, and u
/// pooled over every pair (three quarters of them welfare's own) overstated the agreement of two justice records by a
/// bit or two, so namesakes among offenders linked. The pooled u, each pair of sources weighted by how many pairs it
/// holds, is what a single u would be.
/// </para>
/// </summary>
internal static class UEstimator
{
    private const int ChunksPerSourcePair = 16;
    private const int ProgressBatch = 4096;
    private const int Ahead = 8;

    /// <param name="U">Pooled over the pairs of sources, each weighted by its number of pairs.</param>
    /// <param name="Counts">Random pairs per level, over every pair of sources.</param>
    /// <param name="BySourcePair">u per pair of sources (<see cref="SourcePairs"/>).</param>
    public sealed record Estimate(double[][] U, long[][] Counts, IReadOnlyDictionary<int, double[][]> BySourcePair);

    public static Estimate Run(PairComparer comparer, RecordTable table, LinkageMode mode, int samples, int seed, CancellationToken cancellationToken, StageProgress? progress = null)
    {
        var sampler = new RandomPairSampler(table, mode);
        var keys = sampler.SourcePairKeys;
        var chunks = keys.Count * ChunksPerSourcePair;
        var drawn = sampler.TotalPairs < 1 || chunks == 0 ? 0 : samples;
        var counts = new long[chunks][][];
        var options = Workers.Options(cancellationToken);
        Parallel.For(0, chunks, options, chunk =>
        {
            var random = new Random(unchecked((seed * 7919) + chunk));
            var local = comparer.Comparisons.Select(c => new long[16]).ToArray();
            var perChunk = (drawn / chunks) + (chunk < drawn % chunks ? 1 : 0);

            // Pairs are drawn a few ahead of those compared (in the same order, so the same pairs), and their records'
            // rows fetched meanwhile: two random records a pair, each a cache miss the comparison would otherwise wait for.
            var ahead = new (int A, int B)[Ahead];
            var next = 0;
            void Draw()
            {
                var pair = sampler.Next(random, chunk / ChunksPerSourcePair);
                comparer.Prefetch(pair.A);
                comparer.Prefetch(pair.B);
                ahead[next++ % Ahead] = pair;
            }

            while (next < Math.Min(Ahead, perChunk))
            {
                Draw();
            }

            for (var s = 0; s < perChunk; s++)
            {
                var (a, b) = ahead[s % Ahead];
                if (next < perChunk)
                {
                    Draw();
                }

                var pattern = comparer.Pattern(a, b);
                for (var c = 0; c < local.Length; c++)
                {
                    local[c][ComparisonVector.Level(pattern, c)]++;
                }

                // The pool may run many chunks at once, each slowly: counted at the chunk's end only, progress stood still.
                if ((s + 1) % ProgressBatch == 0)
                {
                    progress?.Advance(ProgressBatch);
                }
            }

            counts[chunk] = local;
            progress?.Advance(perChunk % ProgressBatch);
        });

        var bySourcePair = new Dictionary<int, double[][]>();
        var all = Totals(comparer, counts);
        var compared = new long[keys.Count][];
        for (var k = 0; k < keys.Count; k++)
        {
            var totals = Totals(comparer, counts.AsSpan(k * ChunksPerSourcePair, ChunksPerSourcePair).ToArray());
            compared[k] = [.. totals.Select(levels => levels.Sum())];
            bySourcePair[keys[k]] = Smoothed(comparer, totals);
        }

        if (keys.Count == 0)
        {
            return new Estimate(Smoothed(comparer, all), all, bySourcePair);
        }

        // A pair of sources where one lacks the field (a register without postcodes) compares none of its random pairs
        // on it: its u is the prior's alone, a fifth at each of five levels, and weighted by its pairs it put exact
        // postcode agreement at u = 0.1 in the pooled u, the pooled m's EM and model.json (3 bits where the pairs with
        // postcodes said 12, on synth with a register of no postcodes as a third source). It tells nothing, so it
        // weighs nothing in that comparison's pooled u; where every pair of sources compares, nothing changes.
        var pooled = comparer.Comparisons.Select(c => new double[c.LevelCount]).ToArray();
        for (var c = 0; c < pooled.Length; c++)
        {
            var informative = Enumerable.Range(0, keys.Count).Where(k => compared[k][c] > 0).ToList();
            var weighed = informative.Count > 0 ? informative : [.. Enumerable.Range(0, keys.Count)];
            var total = weighed.Sum(k => sampler.PairsBySourcePair[keys[k]]);
            foreach (var k in weighed)
            {
                var share = sampler.PairsBySourcePair[keys[k]] / total;
                for (var l = 0; l < pooled[c].Length; l++)
                {
                    pooled[c][l] += share * bySourcePair[keys[k]][c][l];
                }
            }
        }

        return new Estimate(pooled, all, bySourcePair);
    }

    private static long[][] Totals(PairComparer comparer, long[][][] chunks)
    {
        var totals = comparer.Comparisons.Select(c => new long[c.LevelCount]).ToArray();
        foreach (var chunk in chunks)
        {
            for (var c = 0; c < totals.Length; c++)
            {
                for (var l = 0; l < totals[c].Length; l++)
                {
                    totals[c][l] += chunk[c][l];
                }
            }
        }

        return totals;
    }

    private static double[][] Smoothed(PairComparer comparer, long[][] totals) =>
        [.. totals.Select(levels =>
        {
            var observed = levels.Sum() + (0.5 * levels.Length);
            return levels.Select(t => (t + 0.5) / observed).ToArray();
        })];
}
