using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Model;

/// <summary>
/// Trains m on each training rule's pairs in turn, leaving out the comparisons of the fields that rule
/// blocks on, and takes each comparison's m as the median over the rules that could estimate it (see
/// <see cref="Median"/>). The prior is the expected number of matches among the blocked pairs over all pairs.
/// Each level's evidence (expected matches summed over the rules that estimated it) is kept for model.json.
/// <para>
/// The prior is also kept per pair of sources: in mode both, a justice record's chance of matching a random welfare
/// record is not its chance of matching a random justice record (aliases) nor two welfare records' (rare duplicate
/// claims), and one prior over all three kinds of pair would put each wrong by the others' share of the pairs.
/// </para>
/// </summary>
internal static class ModelTrainer
{
    public sealed record RuleTraining(string Rule, double Pairs, double MatchShare, int Iterations, IReadOnlyList<string> Fixed);

    public sealed record Outcome(FellegiSunterModel Model, IReadOnlyList<RuleTraining> Rules, double ExpectedMatches, double[][] MatchEvidence);

    /// <summary>
    /// Pseudo-matches of the pooled m behind each pair of sources' own m: with about a hundred expected matches of its
    /// own, a level's share carries a standard error of a few percent and the pair of sources follows its own data;
    /// with a handful (rare duplicate claims) it stays near the pooled estimate.
    /// </summary>
    public const double SourcePairPriorStrength = 100;

    /// <param name="u">u pooled over the pairs of sources.</param>
    /// <param name="uBySourcePair">u per pair of sources: each pair of sources' m is estimated against its own.</param>
    public static Outcome Train(IReadOnlyList<PatternCount> patterns, double[][] u, IReadOnlyDictionary<int, double[][]> uBySourcePair, IReadOnlyList<CompiledRule> rules, PairComparer comparer, IReadOnlyDictionary<int, double> pairsBySourcePair, int maxIterations, double tolerance)
    {
        var pooled = Estimate(patterns, u, rules, comparer, maxIterations, tolerance, null);

        // Two sources record a person differently from how one source records them twice (an offender's address is
        // years older than the claim's; duplicate claims share it): m pooled over all kinds of pair would put each
        // kind wrong by the others' share, as one prior would.
        var bySourcePair = new Dictionary<int, Estimation>();
        var groups = patterns.GroupBy(p => p.SourcePair).ToList();
        if (groups.Count > 1)
        {
            foreach (var group in groups)
            {
                bySourcePair[group.Key] = Estimate([.. group], uBySourcePair.GetValueOrDefault(group.Key, u), rules, comparer, maxIterations, tolerance, pooled.M);
            }
        }

        var expectedBySourcePair = new Dictionary<int, double>();
        foreach (var entry in patterns)
        {
            var own = bySourcePair.GetValueOrDefault(entry.SourcePair, pooled);
            var ownU = bySourcePair.ContainsKey(entry.SourcePair) ? uBySourcePair.GetValueOrDefault(entry.SourcePair, u) : u;
            expectedBySourcePair[entry.SourcePair] = expectedBySourcePair.GetValueOrDefault(entry.SourcePair) + ExpectedMatches(entry, own.M, ownU, rules, comparer, own.Lambdas);
        }

        var expected = expectedBySourcePair.Values.Sum();
        var prior = Prior(expected, pairsBySourcePair.Values.Sum());
        var priors = pairsBySourcePair.ToDictionary(p => p.Key, p => Prior(expectedBySourcePair.GetValueOrDefault(p.Key), p.Value));
        var model = new FellegiSunterModel(pooled.M, u, prior, priors, bySourcePair.ToDictionary(p => p.Key, p => p.Value.M), bySourcePair.Count == 0 ? null : uBySourcePair);
        return new Outcome(model, pooled.Reports, expected, pooled.Evidence);
    }

    private sealed record Estimation(double[][] M, double[][] Evidence, double[] Lambdas, List<RuleTraining> Reports);

    /// <param name="priorM">The pooled m a pair of sources' own estimate is drawn towards; null for the pooled estimate itself.</param>
    private static Estimation Estimate(IReadOnlyList<PatternCount> patterns, double[][] u, IReadOnlyList<CompiledRule> rules, PairComparer comparer, int maxIterations, double tolerance, double[][]? priorM)
    {
        var comparisons = comparer.Comparisons;
        var estimates = u.Select(_ => new List<double[]>()).ToArray();
        var evidence = u.Select(levels => new double[levels.Length]).ToArray();
        var lambdas = new double[rules.Count];
        var reports = new List<RuleTraining>();
        for (var r = 0; r < rules.Count; r++)
        {
            var bit = 1u << r;
            var subset = patterns.Where(p => (p.RuleMask & bit) != 0).ToList();
            var excluded = comparisons.Select(c => rules[r].Fields.Contains(c.Spec.Field)).ToArray();

            // Still a vote in the E-step (a rule's matches are told apart by every field it does not block on), but
            // no estimate: its pairs are selected on the other field one of the comparison's levels reads.
            var readsBlockedField = comparisons.Select(c => ReadsOtherFieldOf(c.Spec, rules[r])).ToArray();
            if (!rules[r].Spec.Train || subset.Count == 0 || excluded.All(e => e))
            {
                continue;
            }

            var result = EmTrainer.Run(subset, u, excluded, maxIterations, tolerance, priorM, SourcePairPriorStrength);
            lambdas[r] = result.Lambda;
            for (var c = 0; c < u.Length; c++)
            {
                // A rule whose EM found no matches at all has no m to offer, only its starting guess.
                if (result.Estimated[c] && !readsBlockedField[c] && result.Lambda * result.Pairs > 0)
                {
                    estimates[c].Add(result.M[c]);
                    for (var l = 0; l < u[c].Length; l++)
                    {
                        evidence[c][l] += result.Evidence[c][l];
                    }
                }
            }

            reports.Add(new RuleTraining(rules[r].Name, result.Pairs, result.Lambda, result.Iterations, [.. comparisons.Where((c, i) => excluded[i]).Select(c => c.Spec.Field)]));
        }

        var m = new double[u.Length][];
        EmTrainer.Result? fallback = null;
        for (var c = 0; c < u.Length; c++)
        {
            if (estimates[c].Count > 0)
            {
                m[c] = Median(estimates[c]);
            }
            else if (priorM is not null)
            {
                m[c] = priorM[c];
            }
            else
            {
                // Every rule blocks on this field: estimate it on all blocked pairs, biased but better than nothing.
                fallback ??= EmTrainer.Run(patterns, u, new bool[u.Length], maxIterations, tolerance);
                m[c] = fallback.M[c];
                evidence[c] = fallback.Evidence[c];
            }
        }

        return new Estimation(m, evidence, lambdas, reports);
    }

    /// <summary>
    /// Each level's median over the rules' estimates, each rule one vote, the levels then scaled to sum to one. A rule
    /// whose EM mistakes a crowd of namesakes for matches (both names and the birth month blocked, nothing left to tell
    /// them apart but postcode and NI number) claims nearly all its many pairs as matches; in a mean weighted by each
    /// rule's expected matches that one rule outweighed the rest (57 % of the weight at 1.8M × 10M, so even a weighted
    /// median was its estimate): it set the postcode's m for a mismatch at 0.59 (0.12 among true matches) and the NI
    /// number's at 0.43 (0.01), and namesakes with different NI numbers linked. The median follows the rules that agree.
    /// </summary>
    internal static double[] Median(IReadOnlyList<double[]> estimates)
    {
        var median = new double[estimates[0].Length];
        for (var l = 0; l < median.Length; l++)
        {
            var ordered = estimates.Select(m => m[l]).Order().ToArray();
            var middle = ordered.Length / 2;
            median[l] = ordered.Length % 2 == 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
        }

        var sum = median.Sum();
        return [.. median.Select(x => x / sum)];
    }

    /// <summary>
    /// Whether one of the comparison's levels reads a field the rule blocks on (a forename swapped with the surname, in
    /// pairs blocked on equal surnames). Such pairs hold no swapped names, so estimating the forename's m on them put
    /// the swapped level at a third of its share among matches (0.5 % against 1.5 % at 1M × 3M), and a swapped pair
    /// with an old address fell under review.
    /// </summary>
    private static bool ReadsOtherFieldOf(Configuration.Projects.Linkage.ComparisonSpec comparison, CompiledRule rule) =>
        !rule.Fields.Contains(comparison.Field) && comparison.Levels.Any(l => l.OtherField is not null && rule.Fields.Contains(l.OtherField));

    /// <summary>Matches expected among some pairs over their number: their prior.</summary>
    internal static double Prior(double expected, double pairs) => Math.Clamp(expected / Math.Max(1, pairs), 1e-12, 0.5);

    private static double ExpectedMatches(PatternCount entry, double[][] m, double[][] u, IReadOnlyList<CompiledRule> rules, PairComparer comparer, double[] lambdas)
    {
        var owner = System.Numerics.BitOperations.TrailingZeroCount(entry.RuleMask);
        var lambda = lambdas[owner] > 0 ? lambdas[owner] : lambdas.Where(l => l > 0).DefaultIfEmpty(0.01).Max();
        var pm = lambda;
        var pu = 1 - lambda;
        for (var c = 0; c < m.Length; c++)
        {
            var level = ComparisonVector.Level(entry.Pattern, c);
            if (level == ComparisonVector.Missing || rules[owner].Fields.Contains(comparer.Comparisons[c].Spec.Field))
            {
                continue;
            }

            pm *= m[c][level];
            pu *= u[c][level];
        }

        return pm / (pm + pu) * entry.Count;
    }
}
