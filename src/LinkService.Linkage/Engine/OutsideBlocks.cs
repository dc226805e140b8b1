using LinkService.Linkage.Blocking;
using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// The matching pairs no blocking rule generated, which were never compared: estimated per pair of sources from the
/// likely matches the rules did generate (each weighted by its match probability), by <see cref="LatentClassCapture"/>.
/// </summary>
internal static class OutsideBlocks
{
    /// <summary>Latent classes of matches: clean pairs, and pairs whose records disagree on several fields at once.</summary>
    public const int Classes = 2;

    /// <summary>Beyond this many patterns no rule holds, the estimate is not made (a project with very many blocking keys).</summary>
    private const int MaxMissedPatterns = 1 << 20;

    /// <summary>Per pair of sources (<see cref="SourcePairs"/>), the expected matches outside every block; null when not estimated.</summary>
    public static Dictionary<int, double>? ExpectedMatches(IReadOnlyList<CompiledRule> rules, IReadOnlyList<(int A, int B, double Weight)> caught, byte[] source)
    {
        var keys = new BlockingKeys(rules);
        if (!keys.Fit)
        {
            return null;
        }

        var patterns = keys.Patterns(caught);

        // Summed in the pairs' order, so every run gives the same sums.
        var byStratum = new SortedDictionary<int, Dictionary<ulong, double>>();
        var (lastStratum, counts) = (-1, (Dictionary<ulong, double>?)null);
        for (var i = 0; i < caught.Count; i++)
        {
            var (a, b, weight) = caught[i];
            if (weight <= 0 || !keys.AnyRuleHolds(patterns[i]))
            {
                continue;
            }

            var stratum = SourcePairs.Of(source[a], source[b]);
            if (stratum != lastStratum)
            {
                if (!byStratum.TryGetValue(stratum, out counts))
                {
                    byStratum[stratum] = counts = [];
                }

                lastStratum = stratum;
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts!, patterns[i], out _) += weight;
        }

        var states = FieldStates(keys, byStratum.Values.SelectMany(c => c.Keys));
        var missed = MissedPatterns(keys, states);
        if (missed is null)
        {
            return null;
        }

        // Each pair of sources is fitted on its own, over both cores; the results are kept in the pairs of sources' order.
        var strata = byStratum.ToArray();
        var fitted = new double[strata.Length];
        Parallel.For(0, strata.Length, Workers.Options(), s =>
        {
            var ordered = strata[s].Value.OrderBy(c => c.Key).ToArray();
            var observed = ordered.Select(c => Indices(keys, states, c.Key)).ToArray();
            var model = new LatentClassCapture(Classes, observed, [.. ordered.Select(c => c.Value)], missed, [.. states.Select(n => n.Length)]);
            fitted[s] = model.Missed();
        });

        var result = new Dictionary<int, double>();
        for (var s = 0; s < strata.Length; s++)
        {
            result[strata[s].Key] = fitted[s];
        }

        // A fit that says (almost) no match is ever caught is no estimate.
        return result.Values.All(double.IsFinite) ? result : null;
    }

    /// <summary>Per field, the states seen in order (none agreeing first).</summary>
    private static ulong[][] FieldStates(BlockingKeys keys, IEnumerable<ulong> patterns)
    {
        var seen = keys.FieldMasks.Select(_ => new SortedSet<ulong> { 0 }).ToList();
        foreach (var pattern in patterns)
        {
            for (var f = 0; f < keys.FieldMasks.Length; f++)
            {
                seen[f].Add(pattern & keys.FieldMasks[f]);
            }
        }

        return [.. seen.Select(s => s.ToArray())];
    }

    private static int[] Indices(BlockingKeys keys, ulong[][] states, ulong pattern) =>
        [.. keys.FieldMasks.Select((mask, f) => Array.BinarySearch(states[f], pattern & mask))];

    /// <summary>Every combination of the fields' seen states that no rule holds; null when there are too many.</summary>
    private static int[][]? MissedPatterns(BlockingKeys keys, ulong[][] fieldStates)
    {
        var combinations = fieldStates.Aggregate(1.0, (n, s) => n * s.Length);
        if (combinations > MaxMissedPatterns * 16.0)
        {
            return null;
        }

        var missed = new List<int[]>();
        var at = new int[fieldStates.Length];
        void Walk(int f, ulong pattern)
        {
            if (f == fieldStates.Length)
            {
                if (!keys.AnyRuleHolds(pattern))
                {
                    missed.Add((int[])at.Clone());
                }

                return;
            }

            for (var s = 0; s < fieldStates[f].Length; s++)
            {
                at[f] = s;
                Walk(f + 1, pattern | fieldStates[f][s]);
            }
        }

        Walk(0, 0);
        return missed.Count > MaxMissedPatterns ? null : [.. missed];
    }
}
