using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// The prior of each pair of sources set to the matches the candidate decision finds among their pairs, in place of
/// the training's estimate, until the two agree.
/// <para>
/// Training's prior is EM's expected matches among the blocked pairs, and EM counts as matches some of the blocked
/// non-matches its random-pair u cannot explain (relatives who share a surname and an address; namesakes of a common
/// name). At 1M × 3M (synth) that put the prior 9 % over the truth; at 1.8M × 10M, with more namesakes, 2.2 times,
/// and every pair's odds with it. The decision's probabilities hold what they say (<see cref="PartnerShares"/>), so
/// their sum over a pair of sources is the matches among its compared pairs; over all its pairs, that is its prior.
/// The sum depends on the prior in turn: each round moves every pair's weight of that pair of sources by the same
/// amount, with no pair compared again, and two or three rounds settle it to a hundredth of a bit.
/// </para>
/// </summary>
internal static class DecidedPriors
{
    private const int MaxRounds = 4;
    private const double SettledBits = 0.01;

    /// <summary>The refined model, the partner shares under it, and the kept pairs as decided under it (<paramref name="kept"/> itself is shifted to its weights).</summary>
    /// <param name="graph">The kept pairs as each record's candidates; refreshed to their weights as they shift.</param>
    /// <param name="shares">The partner shares the kept pairs give as scored (<see cref="PartnerShares.Estimate"/>), for the first round's decisions.</param>
    /// <param name="kept">The kept pairs at the training's prior; shifted in place to the settled one (at 3.6M × 20M a copy is half a gigabyte a round).</param>
    /// <param name="pairsBySourcePair">How many pairs each pair of sources has in all (the prior's denominator).</param>
    /// <param name="weight">A pair's own weight under a model (compares the two records).</param>
    public static (FellegiSunterModel Model, PartnerShares Shares, List<ScoredPair> Decided) Settle(
        FellegiSunterModel model, CandidateGraph graph, PartnerShares shares, List<ScoredPair> kept, RecordTable table, IReadOnlyDictionary<int, double> pairsBySourcePair, Func<FellegiSunterModel, Func<int, int, double>> weight)
    {
        var bits = new float[kept.Count];
        var decided = CandidateDecision.Apply(graph, kept, weight(model), shares, bits);
        var strata = new KeptStrata(kept, table);
        float[]? spare = null;
        for (var round = 0; round < MaxRounds && pairsBySourcePair.Count > 0; round++)
        {
            var found = strata.Sums(decided);
            var priors = pairsBySourcePair.ToDictionary(p => p.Key, p => ModelTrainer.Prior(found.GetValueOrDefault(p.Key), p.Value));
            var next = model.WithPriors(ModelTrainer.Prior(found.Values.Sum(), pairsBySourcePair.Values.Sum()), priors);
            var shift = priors.ToDictionary(p => p.Key, p => next.PriorWeightOf(p.Key) - model.PriorWeightOf(p.Key));
            if (shift.Values.All(b => Math.Abs(b) < SettledBits))
            {
                break;
            }

            model = next;
            var pairShift = strata.PerPair(shift);

            // The round before last's weights, read by nothing now, take this round's.
            (var previous, bits) = (bits, spare ?? new float[kept.Count]);
            spare = previous;

            // Most pairs are certain, and stay so: the shift moves a pair's own odds and its rivals' alike, so its decided
            // weight by no more than the shift (twice over through a witness), and the shares by hundredths of a bit.
            var moved = strata.MostMoved(shift);
            Ranges.For(kept.Count, (from, to) =>
            {
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept);
                for (var i = from; i < to; i++)
                {
                    span[i] = Shifted(span[i], pairShift[i]);
                    bits[i] = previous[i] + (float)pairShift[i];
                }
            });

            // The graph is refreshed on one core while the other estimates the shares from the last decisions.
            Parallel.Invoke(() => graph.Refresh(kept), () => shares = PartnerShares.Estimate(decided, table));
            // The last round's decisions have given the shares and are read no more: this round's are written over them.
            decided = CandidateDecision.Apply(graph, kept, weight(model), shares, bits, i => previous[i] - (2 * moved) - 1 > CandidateDecision.CertainBits, decided);
        }

        return (model, shares, decided);
    }

    private static ScoredPair Shifted(ScoredPair pair, double bits)
    {
        var weight = pair.Weight + bits;
        return pair with { Weight = (float)weight, Probability = (float)FellegiSunterModel.Probability(weight) };
    }
}
