using LinkService.Linkage.Data;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Per pair of sources, the share of one source's records that have a partner (another record of the same person) in
/// the other, and what that lends a pair whose two records have no rival.
/// <para>
/// A pair's own weight is its odds against chance, pair by pair: its prior is the matches over all pairs, and it is
/// right on average over every pair at that weight, those with rivals and those without. But a record a of source s has
/// a partner in t with probability π_st, whoever it is. When blocking shows a with one candidate b in t, and b with no
/// candidate in s but a, the hypotheses left are "a and b are one person" (prior λ, the pairwise prior) and "neither
/// has a partner at all" ((1 − π_st)(1 − π_ts)); every other arrangement would have put a rival among the candidates.
/// So the pair's odds are its own odds over (1 − π_st)(1 − π_ts), and every rival's the same (it competes on the same
/// footing): <see cref="CandidateDecision"/> takes each pair's odds against that baseline, then divides by its rivals.
/// </para>
/// <para>
/// At 1M × 3M (synth), 80 % of offenders have a benefit record and 34 % of claimants an offender record, so a lone
/// pair's odds rise eightfold (three bits). Without it, the links the model put at 0.7–0.9 were 97 % true, and its
/// expected false links were five times those measured: an honest figure needs the lift.
/// </para>
/// </summary>
internal sealed class PartnerShares
{
    /// <summary>
    /// The most a lone pair gains, in bits (sixteenfold): beyond it the two sources would be nearly the same people, and a
    /// lone candidate would be linked on almost no evidence. Also how far under the review threshold pairs are kept.
    /// </summary>
    public const double MaxLiftBits = 4;

    private readonly int _sources;
    private readonly double[] _share;
    private readonly double[] _lift;

    private PartnerShares(int sources, double[] share)
    {
        _sources = sources;
        _share = share;
        _lift = new double[share.Length];
        for (var s = 0; s < sources; s++)
        {
            for (var t = 0; t < sources; t++)
            {
                _lift[(s * sources) + t] = Math.Min(MaxLiftBits, -Math.Log2(Math.Max(1e-9, (1 - Share(s, t)) * (1 - Share(t, s)))));
            }
        }
    }

    /// <summary>No lift: every pair keeps its own odds (a model without the sources' shares, as in tests of the rivals alone).</summary>
    public static PartnerShares None { get; } = new(0, []);

    /// <summary>
    /// Estimates each share from the kept pairs: a record's chance of a partner in t is its best own probability with a
    /// record of t (its partner, when it has one, is nearly always its best candidate), averaged over the source's records.
    /// </summary>
    public static PartnerShares Estimate(IReadOnlyList<ScoredPair> kept, RecordTable table)
    {
        var sources = table.SourceNames.Count;
        var best = new float[table.Count * sources];
        foreach (var pair in kept)
        {
            ref var a = ref best[(pair.A * sources) + table.Source[pair.B]];
            a = Math.Max(a, pair.Probability);
            ref var b = ref best[(pair.B * sources) + table.Source[pair.A]];
            b = Math.Max(b, pair.Probability);
        }

        var share = new double[sources * sources];
        for (var s = 0; s < sources; s++)
        {
            var size = table.SourceSize(s);
            for (var t = 0; t < sources && size > 0; t++)
            {
                var sum = 0.0;
                for (var i = table.SourceStart[s]; i < table.SourceStart[s + 1]; i++)
                {
                    sum += best[(i * sources) + t];
                }

                share[(s * sources) + t] = sum / size;
            }
        }

        return new PartnerShares(sources, share);
    }

    /// <summary>The share of source <paramref name="s"/>'s records with a partner in source <paramref name="t"/> (0 when not estimated).</summary>
    public double Share(int s, int t) => s < _sources && t < _sources ? _share[(s * _sources) + t] : 0;

    /// <summary>What a pair between sources s and t gains against "neither has a partner", in bits: −log2((1 − π_st)(1 − π_ts)), at most <see cref="MaxLiftBits"/>.</summary>
    public double LiftBits(int s, int t) => s < _sources && t < _sources ? _lift[(s * _sources) + t] : 0;
}
