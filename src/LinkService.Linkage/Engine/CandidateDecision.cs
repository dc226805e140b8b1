using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Turns each kept pair's own match probability into one that accounts for the other candidates of its two records.
/// <para>
/// A pair's weight compares "these two are one person" with "these two met by chance", pair by pair. But a record is
/// one person, with at most one record of them in each other source: if record a has candidates b₁…b_k in one source,
/// with odds o_j each, then P(b is a's match) = o_b / (1 + Σ_j o_j), the 1 standing for "none of them" (the prior is
/// already in each o_j). So the odds of a–b become o_b / (1 + rivals), where rivals are a's other candidates in b's
/// source, plus b's other candidates in a's source. One strong candidate and no rival keeps its probability; five
/// equally good ones each fall to a fifth and go to clerical review rather than being linked at random.
/// </para>
/// <para>
/// A candidate is a rival only as far as it is a different person from the partner. Over the three records a, b and
/// rival j, "all one person" has odds o_ab·o_aj·o_jb, "a is b, j someone else" o_ab, "a is j" o_aj and "a is
/// neither" 1, so the odds of a–b are o_ab·(1 + o_aj·o_jb) / (1 + o_aj): rival j counts o_aj / (1 + o_aj·o_jb), its
/// full odds when j and b are plainly different people and nearly nothing when they are plainly one. o_jb is scored
/// directly by the model whether or not blocking put j and b together: a welfare claimant with two claims, or a
/// justice offender with three alias records, does not split their match.
/// Only kept candidates (from <see cref="PartnerShares.MaxLiftBits"/> under the review threshold) count as rivals; a
/// pair below them has odds under a twentieth even lifted, and could move a strong link only in numbers.
/// </para>
/// <para>
/// A candidate j of a in a source other than b's is no rival (a person may have a record there too) but it is a
/// witness: the same three hypotheses give the odds of a–b times (1 + o_aj·o_jb) / (1 + o_aj). When a plainly matches
/// j and j plainly is not b, a–b falls to about o_ab·o_jb (two offenders who share a surname and a birthday, each with
/// a benefit claim of their own, are not one person). A witness only ever lowers the odds: when j resembles b, it does
/// so mostly on the same names and date a shares with b, evidence the pair's own weight already counts (letting it
/// raise them joined look-alikes into chains of certain links).
/// </para>
/// <para>
/// A witness is a record of a third source: neither a's nor b's. A record of a's own source that plainly matches a is
/// a's duplicate, and a duplicate that does not match b is most often one carrying an error of its own (an alias
/// forename, an old address), which the pairwise odds count against a–b a second time: an offender whose alias record
/// gave another forename lost the link to their claim. Taking them out as witnesses lifted cross-source recall at
/// 1M × 3M from 0.9867 to 0.9890 with precision 0.9975 against 0.9973. Between two sources, so, only a within-source
/// pair has witnesses: two offenders who share a name and a birthday, each with a claim of their own.
/// </para>
/// <para>
/// Every odds here, the pair's own and its rivals' and witnesses', is taken against "neither record has a partner"
/// (<see cref="PartnerShares"/>), not against chance pair by pair: a lone candidate of a record that very likely has a
/// partner is very likely it.
/// </para>
/// </summary>
internal static class CandidateDecision
{
    /// <param name="neighbours">The kept pairs as each record's candidates, at their weights (built once for every round).</param>
    /// <param name="kept">The pairs kept after scoring, each with its own probability.</param>
    /// <param name="weight">The model's own match weight (log2 odds) of any two records; a kept pair's is its weight in <paramref name="neighbours"/>, which must be this one's.</param>
    /// <param name="shares">What a lone pair gains from its sources' partner shares.</param>
    /// <param name="bits">When given, each pair's decided weight (log2 odds) is written here, by the pair's index.</param>
    /// <param name="certain">
    /// When given, the pairs it names are not decided again but get probability 1: pairs whose decided weight is known
    /// to stay above <see cref="CertainBits"/>, where a float probability is 1 whatever the rivals say.
    /// </param>
    /// <param name="into">When given, the list the decided pairs are written into (an earlier round's, no longer read), where a new one was a few tens of megabytes of fresh memory a round.</param>
    public static List<ScoredPair> Apply(CandidateGraph neighbours, List<ScoredPair> kept, Func<int, int, double> weight, PartnerShares shares, float[]? bits = null, Func<int, bool>? certain = null, List<ScoredPair>? into = null)
    {
        var table = neighbours.Table;
        var decided = into ?? new List<ScoredPair>(kept.Count);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(decided, kept.Count);
        // A rival or witness of a kept pair is most often kept with the partner too (at 1M × 3M, 94 % of 7M): its weight
        // is read off the graph, not scored again (half a microsecond a pair, comparing the two records afresh).
        var lifted = Lifted((x, y) => neighbours.TryWeight(x, y, out var known) ? known : weight(x, y), table, shares);

        // Each pair is decided on its own (scoring its rivals and witnesses afresh), so over both cores, in place.
        Parallel.For(0, kept.Count, Workers.Options(), i =>
        {
            // The pairs are in order of their first record; their second records' candidates lie all over memory, and are
            // fetched into the cache a few pairs on: where they are first, then the candidates themselves.
            if (i + FetchPairsAhead < kept.Count)
            {
                neighbours.Fetch(kept[i + FetchPairsAhead].B);
            }

            if (i + (FetchPairsAhead / 2) < kept.Count)
            {
                neighbours.FetchEdges(kept[i + (FetchPairsAhead / 2)].B);
            }

            var pair = kept[i];
            if (certain?.Invoke(i) == true)
            {
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(decided)[i] = pair with { Probability = 1f };
                return;
            }

            var decision = Decide(neighbours, table, lifted, shares, pair.A, pair.B, pair.Weight);
            bits?[i] = (float)decision;
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(decided)[i] = pair with { Probability = (float)FellegiSunterModel.Probability(decision) };
        });

        return decided;
    }

    private const int FetchPairsAhead = 16;

    /// <summary>A decided weight over which the probability, as a float, is 1 (2^-26 is under half a float's step below 1).</summary>
    public const double CertainBits = 26;

    /// <summary>
    /// Pairs scored under the review threshold, each decided against the kept pairs as candidates: a pair at −3 bits
    /// between an offender and a claim is one chance in nine on its own, but next to nothing when the offender's own
    /// claim is a candidate. A pair the entities join gets 1: it is a match as surely as they are right.
    /// <para>
    /// Whether a candidate j is the partner's person is read off the entities (one entity: j and the partner are one
    /// person; two: plainly not), not scored pair by pair: there are a million such pairs at 1M × 3M, and scoring each
    /// candidate against each partner cost five seconds of CPU for the same sum to a few matches.
    /// </para>
    /// </summary>
    /// <param name="pairs">The tail's pairs.</param>
    /// <param name="neighbours">The kept pairs as each record's candidates, at their settled weights.</param>
    /// <param name="entity">Per record, its entity.</param>
    /// <param name="shares">What a lone pair gains from its sources' partner shares.</param>
    /// <param name="cancellationToken">Stops the decisions.</param>
    public static float[] DecideTail(IReadOnlyList<TailPair> pairs, CandidateGraph neighbours, int[] entity, PartnerShares shares, CancellationToken cancellationToken)
    {
        const double Plain = 30;
        var table = neighbours.Table;
        var decided = new float[pairs.Count];
        double OnePerson(int x, int y) => entity[x] == entity[y] ? Plain : -Plain;
        Parallel.For(0, pairs.Count, Workers.Options(cancellationToken), i =>
        {
            var pair = pairs[i];
            decided[i] = entity[pair.A] == entity[pair.B] ? 1f : (float)FellegiSunterModel.Probability(Decide(neighbours, table, OnePerson, shares, pair.A, pair.B, pair.Weight));
        });

        return decided;
    }

    /// <param name="weight">The lifted weight of any two records (against neither having a partner).</param>
    private static double Decide(CandidateGraph neighbours, RecordTable table, Func<int, int, double> weight, PartnerShares shares, int a, int b, double own)
    {
        var rivals = Rivals(neighbours, table, weight, shares, a, b) + Rivals(neighbours, table, weight, shares, b, a);
        var witnesses = Witnesses(neighbours, table, weight, shares, a, b) + Witnesses(neighbours, table, weight, shares, b, a);
        return own + shares.LiftBits(table.Source[a], table.Source[b]) - Math.Log2(1 + rivals) + witnesses;
    }

    private static Func<int, int, double> Lifted(Func<int, int, double> weight, RecordTable table, PartnerShares shares) =>
        (x, y) => weight(x, y) + shares.LiftBits(table.Source[x], table.Source[y]);

    /// <summary>What <paramref name="record"/>'s other candidates in the partner's source count against the partner.</summary>
    private static double Rivals(CandidateGraph neighbours, RecordTable table, Func<int, int, double> weight, PartnerShares shares, int record, int partner)
    {
        var source = table.Source[partner];
        var lift = shares.LiftBits(table.Source[record], source);
        var rivals = 0.0;
        for (var k = neighbours.Start[record]; k < neighbours.Start[record + 1]; k++)
        {
            var other = neighbours.Other[k];
            if (other != partner && table.Source[other] == source)
            {
                var odds = Math.Pow(2, neighbours.Weight[k] + lift);
                rivals += odds / (1 + (odds * Math.Pow(2, weight(other, partner))));
            }
        }

        return rivals;
    }

    /// <summary>What <paramref name="record"/>'s candidates in neither its own nor the partner's source add to the pair's weight, in bits.</summary>
    private static double Witnesses(CandidateGraph neighbours, RecordTable table, Func<int, int, double> weight, PartnerShares shares, int record, int partner)
    {
        var source = table.Source[partner];
        var bits = 0.0;
        for (var k = neighbours.Start[record]; k < neighbours.Start[record + 1]; k++)
        {
            var other = neighbours.Other[k];
            if (other != partner && table.Source[other] != source && table.Source[other] != table.Source[record])
            {
                var toWitness = neighbours.Weight[k] + shares.LiftBits(table.Source[record], table.Source[other]);
                bits += Math.Min(0, Log2OnePlusPower(toWitness + weight(other, partner)) - Log2OnePlusPower(toWitness));
            }
        }

        return bits;
    }

    /// <summary>log2(1 + 2^x) without overflow for large x.</summary>
    private static double Log2OnePlusPower(double x) => x > 50 ? x : Math.Log2(1 + Math.Pow(2, x));
}
