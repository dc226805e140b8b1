using System.Runtime.CompilerServices;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Engine;

/// <summary>
/// How many pairs of records agree on a key, per pair of sources, counted exactly over the key's groups (every pair,
/// not a sample): Σ n_s·n_t over the groups across two sources, Σ n_s(n_s − 1)/2 within one. Records are put in
/// groups by a primary value (dense ids, bucketed in linear time by <see cref="Buckets"/>) and, inside each group,
/// by secondary keys (sorted there: a group is a postcode's or a surname's records).
/// </summary>
internal static class AgreeingPairs
{
    /// <summary>The largest group sorted by insertion.</summary>
    private const int SmallGroup = 24;

    /// <param name="primary">Per record, the primary value's dense id, below <paramref name="primaryCount"/>.</param>
    /// <param name="primaryCount">How many primary ids there are.</param>
    /// <param name="secondaries">Per record, each secondary key.</param>
    /// <param name="included">Per record, whether it is counted.</param>
    /// <param name="source">Per record, its source.</param>
    /// <param name="sources">How many sources.</param>
    /// <returns>
    /// [0]: pairs agreeing on the primary; [k]: on the primary and secondary k − 1. Each per ordered pair of sources,
    /// <c>s * sources + t</c>, filled for s ≤ t.
    /// </returns>
    public static long[][] Count(int[] primary, int primaryCount, IReadOnlyList<Func<int, long>> secondaries, bool[] included, byte[] source, int sources)
    {
        var groups = Buckets.Of(primary, primaryCount, included);
        var counts = NewCounts(secondaries.Count + 1, sources);
        var gate = new Lock();

        // A range of primary values a worker, each counting into arrays of its own, added up at the end (whole numbers:
        // the same totals in any order). Counted on one core, the postcodes' groups were most of a second that the other
        // core spent waiting at 1M x 3M.
        var size = Math.Max(1 << 12, primaryCount / 64);
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, primaryCount, size), Workers.Options(), range =>
        {
            var local = NewCounts(counts.Length, sources);
            var keys = new long[16];
            var groupSources = new byte[16];
            for (var v = range.Item1; v < range.Item2; v++)
            {
                var group = groups.Of(v);
                if (group.Length < 2)
                {
                    continue;
                }

                if (keys.Length < group.Length)
                {
                    keys = new long[group.Length];
                    groupSources = new byte[group.Length];
                }

                for (var i = 0; i < group.Length; i++)
                {
                    keys[i] = 0;
                    groupSources[i] = source[group[i]];
                }

                AddRuns(keys, groupSources, group.Length, local[0], sources);
                for (var k = 0; k < secondaries.Count; k++)
                {
                    for (var i = 0; i < group.Length; i++)
                    {
                        keys[i] = secondaries[k](group[i]);
                        groupSources[i] = source[group[i]];
                    }

                    SortByKey(keys, groupSources, group.Length);
                    AddRuns(keys, groupSources, group.Length, local[k + 1], sources);
                }
            }

            lock (gate)
            {
                for (var k = 0; k < counts.Length; k++)
                {
                    for (var i = 0; i < counts[k].Length; i++)
                    {
                        counts[k][i] += local[k][i];
                    }
                }
            }
        });

        return counts;
    }

    private static long[][] NewCounts(int keys, int sources)
    {
        var counts = new long[keys][];
        for (var k = 0; k < keys; k++)
        {
            counts[k] = new long[sources * sources];
        }

        return counts;
    }

    /// <summary>Pairs of records per pair of sources (<c>s * sources + t</c>, s ≤ t), given how many records each source holds.</summary>
    public static void AddPairs(ReadOnlySpan<long> perSource, long[] pairs, int sources)
    {
        for (var s = 0; s < sources; s++)
        {
            pairs[(s * sources) + s] += perSource[s] * (perSource[s] - 1) / 2;
            for (var t = s + 1; t < sources; t++)
            {
                pairs[(s * sources) + t] += perSource[s] * perSource[t];
            }
        }
    }

    /// <summary>
    /// Puts the first <paramref name="length"/> keys in order, each source beside its key: a small group (most are: a
    /// postcode's records) by insertion, a larger one (a surname's, a birthday's) by heapsort, which no order of records
    /// makes slow. Both are optimised from the first call. <c>Array.Sort</c> was compiled for these types when first
    /// called and ran unoptimised for much of the count: sorting took 0.4–0.5 s of CPU at 1M × 3M, and takes 0.25 s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByKey(long[] keys, byte[] sources, int length)
    {
        if (length <= SmallGroup)
        {
            InsertionSort.ByKey(keys.AsSpan(0, length), sources.AsSpan(0, length));
            return;
        }

        for (var root = (length / 2) - 1; root >= 0; root--)
        {
            SiftDown(keys, sources, root, length);
        }

        for (var end = length - 1; end > 0; end--)
        {
            (keys[0], keys[end]) = (keys[end], keys[0]);
            (sources[0], sources[end]) = (sources[end], sources[0]);
            SiftDown(keys, sources, 0, end);
        }
    }

    /// <summary>Moves the key at <paramref name="root"/> down the heap of the first <paramref name="length"/> keys (the largest on top).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown(long[] keys, byte[] sources, int root, int length)
    {
        var (key, source) = (keys[root], sources[root]);
        for (var child = (2 * root) + 1; child < length; child = (2 * root) + 1)
        {
            if (child + 1 < length && keys[child + 1] > keys[child])
            {
                child++;
            }

            if (keys[child] <= key)
            {
                break;
            }

            keys[root] = keys[child];
            sources[root] = sources[child];
            root = child;
        }

        keys[root] = key;
        sources[root] = source;
    }

    /// <summary>Adds the pairs within each run of equal keys (the keys sorted).</summary>
    private static void AddRuns(long[] keys, byte[] groupSources, int length, long[] pairs, int sources)
    {
        Span<long> perSource = stackalloc long[sources];
        for (var start = 0; start < length;)
        {
            var end = start;
            perSource.Clear();
            while (end < length && keys[end] == keys[start])
            {
                perSource[groupSources[end++]]++;
            }

            if (end - start > 1)
            {
                AddPairs(perSource, pairs, sources);
            }

            start = end;
        }
    }
}
