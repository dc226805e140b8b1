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
/// </summary>
internal static class UEstimator
{
    private const int Chunks = 32;
    private const int ProgressBatch = 4096;

    public sealed record Estimate(double[][] U, long[][] Counts);

    public static Estimate Run(PairComparer comparer, RecordTable table, LinkageMode mode, int samples, int seed, CancellationToken cancellationToken, StageProgress? progress = null)
    {
        var counts = new long[Chunks][][];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        var sampler = new RandomPairSampler(table, mode);
        if (sampler.TotalPairs < 1)
        {
            samples = 0;
        }

        Parallel.For(0, Chunks, options, chunk =>
        {
            var random = new Random(unchecked((seed * 7919) + chunk));
            var local = comparer.Comparisons.Select(c => new long[16]).ToArray();
            for (var s = 0; s < samples / Chunks; s++)
            {
                var (a, b) = sampler.Next(random);
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
            progress?.Advance(samples / Chunks % ProgressBatch);
        });

        var u = new double[comparer.Comparisons.Count][];
        var observedCounts = new long[u.Length][];
        for (var c = 0; c < u.Length; c++)
        {
            var levels = comparer.Comparisons[c].LevelCount;
            var totals = new long[levels];
            foreach (var chunk in counts)
            {
                for (var l = 0; l < levels; l++)
                {
                    totals[l] += chunk[c][l];
                }
            }

            observedCounts[c] = totals;
            var observed = totals.Sum() + (0.5 * levels);
            u[c] = [.. totals.Select(t => (t + 0.5) / observed)];
        }

        return new Estimate(u, observedCounts);
    }
}
