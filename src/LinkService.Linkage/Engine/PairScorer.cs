using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Match weight of a pair: the model's weight for its pattern, adjusted for the frequency of exactly agreeing names.
/// <para>
/// A rare name earns its full credit; a common one loses at most <see cref="MaxTermFrequencyPenalty"/> bits per field.
/// The full penalty (log2 of u over the value's frequency, −2.3 bits for SMITH, −1.1 for SARAH) guards against two
/// different people sharing a common name, but it counts that risk twice: a common forename's frequency is tied to
/// the sex that also agrees and a common surname's to the region the postcode also compares, and the risk itself is
/// met directly by the match decision, where another SARAH SMITH born the same day among the candidates is a rival
/// that sends the pair to review (<see cref="CandidateDecision"/>). Without the bound, SARAH SMITH with an exact
/// date of birth and a new postcode fell under the match threshold in a few million records although a second
/// SARAH SMITH born that day is rarely there.
/// </para>
/// </summary>
internal sealed class PairScorer
{
    /// <summary>The most a common value's frequency takes off the weight of exact agreement, in bits (a halving of the odds).</summary>
    public const double MaxTermFrequencyPenalty = 1.0;

    private readonly FellegiSunterModel _model;
    private readonly CompiledComparison[] _termFrequency;
    private readonly PairComparer _comparer;

    private readonly byte[]? _source;

    // Scoring asks these of every candidate pair: per pair of sources its level weights and prior shift, and per value
    // of each term-frequency comparison its adjustment, are looked up once here rather than per pair.
    private readonly int _sources;
    private readonly (double[][] Factors, double Shift)[] _bySourcePair;
    private readonly double[][] _termFrequencyWeights;

    /// <param name="model">The trained model.</param>
    /// <param name="comparer">The project's comparisons over the records.</param>
    /// <param name="source">Per record, its source, for the prior of its pair of sources; null: the overall prior.</param>
    public PairScorer(FellegiSunterModel model, PairComparer comparer, byte[]? source = null)
    {
        _source = source;
        _model = model;
        _comparer = comparer;
        _termFrequency = [.. comparer.Comparisons.Where(c => c.Spec.TermFrequency && c.Column.Pool is not null)];
        _termFrequencyWeights = [.. _termFrequency.Select(c => Enumerable.Range(0, c.Column.Counts.Length).Select(v => TermFrequency(c, v)).ToArray())];
        _sources = source is null || source.Length == 0 ? 0 : source.Max() + 1;
        _bySourcePair = new (double[][], double)[_sources * _sources];
        for (var s = 0; s < _sources; s++)
        {
            for (var t = 0; t < _sources; t++)
            {
                _bySourcePair[(s * _sources) + t] = (_model.FactorsOf(SourcePairs.Of(s, t)), _model.PriorShift(SourcePairs.Of(s, t)));
            }
        }
    }

    /// <summary>
    /// The match-weight waterfall of a pair: what each comparison adds (its level's weight, with the term-frequency
    /// adjustment where it applies); <see cref="PriorWeight"/> plus these is <see cref="Weight"/>. For custodians, not the hot path.
    /// </summary>
    public double[] Contributions(int a, int b, ulong pattern)
    {
        var factors = _source is null ? _model.Log2Factors : _model.FactorsOf(SourcePairs.Of(_source[a], _source[b]));
        var contributions = new double[factors.Length];
        for (var c = 0; c < contributions.Length; c++)
        {
            contributions[c] = factors[c][ComparisonVector.Level(pattern, c)];
        }

        foreach (var comparison in _termFrequency)
        {
            var value = _comparer.Value(a, comparison.Index);
            if (ComparisonVector.Level(pattern, comparison.Index) == 0 && value == _comparer.Value(b, comparison.Index))
            {
                contributions[comparison.Index] += TermFrequency(comparison, value);
            }
        }

        return contributions;
    }

    /// <summary>The prior's weight for a pair of these two records: their pair of sources' own prior.</summary>
    public double PriorWeight(int a, int b) => _model.PriorWeight + PriorShift(a, b);

    public double Weight(int a, int b, ulong pattern)
    {
        double weight;
        if (_source is null)
        {
            weight = _model.Weight(pattern);
        }
        else
        {
            var (factors, shift) = _bySourcePair[(_source[a] * _sources) + _source[b]];
            weight = _model.Weight(pattern, factors) + shift;
        }

        for (var t = 0; t < _termFrequency.Length; t++)
        {
            // Only exact agreement on v: a first level of close agreement (Jaro–Winkler) holds different values.
            var comparison = _termFrequency[t];
            var value = _comparer.Value(a, comparison.Index);
            if (ComparisonVector.Level(pattern, comparison.Index) == 0 && value == _comparer.Value(b, comparison.Index))
            {
                weight += _termFrequencyWeights[t][value];
            }
        }

        return weight;
    }

    private double PriorShift(int a, int b) => _source is null ? 0 : _model.PriorShift(SourcePairs.Of(_source[a], _source[b]));

    /// <summary>P(agree on v | non-match) is the value's frequency, not the average u of exact agreement; a common value loses at most the bound.</summary>
    private double TermFrequency(CompiledComparison comparison, int value) =>
        Math.Max(Math.Log2(_model.U[comparison.Index][0] / comparison.Column.Frequency(value)), -MaxTermFrequencyPenalty);
}
