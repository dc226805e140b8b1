using System.Runtime.CompilerServices;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Match weight of a pair: the model's weight for its pattern, adjusted for the frequency of exactly agreeing names.
/// <para>
/// P(agree on v | non-match) is v's frequency, not the average u of exact agreement: a rare name earns more than the
/// average, a common one (SMITH, SARAH) less, in full. The adjustment was once bounded at one bit, because the full
/// penalty counted a common forename's risk twice (its frequency is tied to the sex that also agrees); the bound
/// overstated every common name to make up for that, and namesakes linked more often than their probability said.
/// The sex is now answered where it arises (<see cref="TermFrequencyTie"/>), and a namesake born the same day among a
/// record's candidates is a rival in the match decision (<see cref="CandidateDecision"/>). A swap of two names is
/// counted once (<see cref="SwapTie"/>), and postcode agreement between different surnames is scored against a count
/// over every pair of records (<see cref="PostcodeTie"/>).
/// </para>
/// </summary>
internal sealed class PairScorer
{
    private readonly FellegiSunterModel _model;
    private readonly CompiledComparison[] _termFrequency;
    private readonly TermSurprisal _surprisal;
    private readonly TermFrequencyTie[] _ties;
    private readonly SwapTie[] _swaps;
    private readonly double[] _pooledSwapBits;
    private readonly double[] _pooledLog2ExactU;
    private readonly PairComparer _comparer;
    private readonly PostcodeTie? _postcode;
    private readonly double[] _postcodeBits;

    private readonly byte[]? _source;

    // Scoring asks these of every candidate pair: per pair of sources its level weights, prior shift, u of exact
    // agreement and term surprisals are looked up once here, by the two records' sources, not in dictionaries per pair.
    private readonly int _sources;
    private readonly (double[][] Factors, double Shift, double[] ExactU, double[][] Surprisal, double[] SwapBits)[] _bySourcePair;

    /// <param name="model">The trained model.</param>
    /// <param name="comparer">The project's comparisons over the records.</param>
    /// <param name="source">Per record, its source, for the prior of its pair of sources; null: the overall prior.</param>
    public PairScorer(FellegiSunterModel model, PairComparer comparer, byte[]? source = null)
    {
        _source = source;
        _model = model;
        _comparer = comparer;
        _termFrequency = [.. comparer.Comparisons.Where(c => c.Spec.TermFrequency && c.Column.Pool is not null)];
        _surprisal = new TermSurprisal(comparer, source);

        _ties = [.. TermFrequencyTie.Find(comparer)];
        _swaps = [.. SwapTie.Find(comparer)];
        _pooledSwapBits = [.. _swaps.Select(t => t.Bits(model.Log2Factors, model.M, model.U))];
        _pooledLog2ExactU = [.. model.U.Select(levels => Math.Log2(levels[0]))];
        _postcode = PostcodeTie.Find(comparer, source);
        _postcodeBits = _postcode?.Bits(model) ?? [];
        var log2ExactU = model.SourcePairU.ToDictionary(p => p.Key, p => p.Value.Select(levels => Math.Log2(levels[0])).ToArray());
        _sources = source is null || source.Length == 0 ? 0 : source.Max() + 1;
        _bySourcePair = new (double[][], double, double[], double[][], double[])[_sources * _sources];
        for (var s = 0; s < _sources; s++)
        {
            for (var t = 0; t < _sources; t++)
            {
                var pair = SourcePairs.Of(s, t);
                var factors = _model.FactorsOf(pair);
                var m = _model.SourcePairM.GetValueOrDefault(pair, _model.M);
                var swapBits = _swaps.Select(tie => tie.Bits(factors, m, _model.UOf(pair))).ToArray();
                _bySourcePair[(s * _sources) + t] = (factors, _model.PriorShift(pair), log2ExactU.GetValueOrDefault(pair, _pooledLog2ExactU), _surprisal.Of(pair), swapBits);
            }
        }
    }

    private PairScorer(PairScorer scorer, FellegiSunterModel model)
    {
        _source = scorer._source;
        _model = model;
        _comparer = scorer._comparer;
        _termFrequency = scorer._termFrequency;
        _surprisal = scorer._surprisal;
        _ties = scorer._ties;
        _swaps = scorer._swaps;
        _pooledSwapBits = scorer._pooledSwapBits;
        _pooledLog2ExactU = scorer._pooledLog2ExactU;
        _postcode = scorer._postcode;
        _postcodeBits = scorer._postcodeBits;
        _sources = scorer._sources;
        _bySourcePair = [.. scorer._bySourcePair.Select((e, i) => e with { Shift = model.PriorShift(SourcePairs.Of(i / _sources, i % _sources)) })];
    }

    /// <summary>
    /// This scorer under <paramref name="model"/>, whose m and u are this one's and whose priors differ
    /// (<see cref="DecidedPriors"/>): what the records give (term surprisals, ties) is not counted over them again.
    /// </summary>
    public PairScorer WithPriors(FellegiSunterModel model) => new(this, model);

    /// <summary>
    /// The match-weight waterfall of a pair: what each comparison adds (its level's weight, with the term-frequency
    /// adjustment where it applies); <see cref="PriorWeight"/> plus these is <see cref="Weight"/>. For custodians, not the hot path.
    /// </summary>
    public double[] Contributions(int a, int b, ulong pattern)
    {
        var (factors, _, exactU, surprisal, swapBits) = Lookup(a, b);
        var contributions = new double[factors.Length];
        for (var c = 0; c < contributions.Length; c++)
        {
            contributions[c] = factors[c][ComparisonVector.Level(pattern, c)];
        }

        foreach (var comparison in _termFrequency)
        {
            contributions[comparison.Index] += TermFrequencyBits(comparison.Index, a, b, pattern, exactU, surprisal);
        }

        foreach (var tie in _ties)
        {
            contributions[tie.Tied] += TieBits(tie, a, b, pattern, exactU);
        }

        // A swap is counted once, on the first of its two comparisons.
        for (var i = 0; i < _swaps.Length; i++)
        {
            contributions[_swaps[i].First] += _swaps[i].Holds(pattern) ? swapBits[i] : 0;
        }

        if (_postcode is not null)
        {
            contributions[_postcode.Postcode] += PostcodeBits(a, b, pattern);
        }

        return contributions;
    }

    /// <summary>The prior's weight for a pair of these two records: their pair of sources' own prior.</summary>
    public double PriorWeight(int a, int b) => _model.PriorWeight + Lookup(a, b).Shift;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Weight(int a, int b, ulong pattern)
    {
        var (factors, shift, exactU, surprisal, swapBits) = Lookup(a, b);
        var weight = _model.Weight(pattern, factors) + shift;
        foreach (var comparison in _termFrequency)
        {
            weight += TermFrequencyBits(comparison.Index, a, b, pattern, exactU, surprisal);
        }

        foreach (var tie in _ties)
        {
            weight += TieBits(tie, a, b, pattern, exactU);
        }

        for (var i = 0; i < _swaps.Length; i++)
        {
            weight += _swaps[i].Holds(pattern) ? swapBits[i] : 0;
        }

        return weight + PostcodeBits(a, b, pattern);
    }

    /// <summary>What the pair is scored with: its pair of sources' level weights, prior shift, u of exact agreement, term surprisals and swap bits (without sources, the pooled ones).</summary>
    private (double[][] Factors, double Shift, double[] ExactU, double[][] Surprisal, double[] SwapBits) Lookup(int a, int b) =>
        _source is null ? (_model.Log2Factors, 0, _pooledLog2ExactU, _surprisal.Of(null), _pooledSwapBits) : _bySourcePair[(_source[a] * _sources) + _source[b]];

    /// <summary>
    /// Exact agreement on v scored against v's frequency instead of the average u of exact agreement. Only exact
    /// agreement: a first level of close agreement (Jaro–Winkler) holds different values.
    /// </summary>
    private double TermFrequencyBits(int comparison, int a, int b, ulong pattern, double[] exactU, double[][] surprisal)
    {
        var value = _comparer.Value(a, comparison);
        return ComparisonVector.Level(pattern, comparison) == 0 && value == _comparer.Value(b, comparison) ? exactU[comparison] + surprisal[comparison][value] : 0;
    }

    /// <summary>What postcode agreement adds between records whose surnames differ (<see cref="PostcodeTie"/>).</summary>
    private double PostcodeBits(int a, int b, ulong pattern) =>
        _postcode is { } tie && tie.Holds(_comparer, a, b, pattern) ? _postcodeBits[_source is null ? ^1 : (_source[a] * _sources) + _source[b]] : 0;

    /// <summary>What the tied few-valued field adds when it and its term-frequency field both agree exactly (<see cref="TermFrequencyTie"/>).</summary>
    private double TieBits(TermFrequencyTie tie, int a, int b, ulong pattern, double[] exactU)
    {
        var value = _comparer.Value(a, tie.Field);
        return ComparisonVector.Level(pattern, tie.Field) == 0 && ComparisonVector.Level(pattern, tie.Tied) == 0 && value == _comparer.Value(b, tie.Field)
            ? exactU[tie.Tied] + tie.Bits(value, _comparer.Value(a, tie.Tied))
            : 0;
    }
}
