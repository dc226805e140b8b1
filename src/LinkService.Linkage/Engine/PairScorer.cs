using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>Match weight of a pair: the model's weight for its pattern, adjusted for the frequency of exactly agreeing names.</summary>
internal sealed class PairScorer
{
    private readonly FellegiSunterModel _model;
    private readonly CompiledComparison[] _termFrequency;
    private readonly PairComparer _comparer;

    public PairScorer(FellegiSunterModel model, PairComparer comparer)
    {
        _model = model;
        _comparer = comparer;
        _termFrequency = [.. comparer.Comparisons.Where(c => c.Spec.TermFrequency && c.Column.Pool is not null)];
    }

    /// <summary>
    /// The match-weight waterfall of a pair: what each comparison adds (its level's weight, with the term-frequency
    /// adjustment where it applies); the prior's weight plus these is <see cref="Weight"/>. For custodians, not the hot path.
    /// </summary>
    public double[] Contributions(int a, int b, ulong pattern)
    {
        var contributions = new double[_model.Log2Factors.Length];
        for (var c = 0; c < contributions.Length; c++)
        {
            contributions[c] = _model.Log2Factors[c][ComparisonVector.Level(pattern, c)];
        }

        foreach (var comparison in _termFrequency)
        {
            var value = _comparer.Value(a, comparison.Index);
            if (ComparisonVector.Level(pattern, comparison.Index) == 0 && value == _comparer.Value(b, comparison.Index))
            {
                contributions[comparison.Index] += Math.Log2(_model.U[comparison.Index][0] / comparison.Column.Frequency(value));
            }
        }

        return contributions;
    }

    public double Weight(int a, int b, ulong pattern)
    {
        var weight = _model.Weight(pattern);
        foreach (var comparison in _termFrequency)
        {
            // Only exact agreement on v: a first level of close agreement (Jaro–Winkler) holds different values.
            var value = _comparer.Value(a, comparison.Index);
            if (ComparisonVector.Level(pattern, comparison.Index) == 0 && value == _comparer.Value(b, comparison.Index))
            {
                // P(agree on v | non-match) is the value's frequency, not the average u of exact agreement.
                weight += Math.Log2(_model.U[comparison.Index][0] / comparison.Column.Frequency(value));
            }
        }

        return weight;
    }
}
