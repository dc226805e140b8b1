using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Model;

/// <summary>
/// m and u probabilities per comparison level (the last level is "else") and the prior probability that
/// two records drawn at random are the same person. Missing values carry no weight.
/// <para>
/// A comparison's levels are declared strongest agreement first, so the weights are held in that order: no level adds
/// more than the level before it, and no agreement level less than "else". A rare level's estimate is a small number
/// over a small number (a swapped name has m ≈ 0.01 against u ≈ 2.5e-7, +15 bits; an initial no match showed has
/// m ≈ 0, a veto); the order is the prior knowledge that such a level is weaker evidence than exact agreement and
/// stronger than none, and it caps the estimate where the data are too thin to say otherwise.
/// </para>
/// </summary>
internal sealed class FellegiSunterModel
{
    private readonly Dictionary<int, double> _priorShift;
    private readonly Dictionary<int, double[][]> _sourcePairFactors;

    /// <param name="m">m pooled over every pair of sources.</param>
    /// <param name="u">u from random pairs.</param>
    /// <param name="prior">The prior over all pairs.</param>
    /// <param name="sourcePairPriors">The prior per pair of sources (<see cref="SourcePairs"/>).</param>
    /// <param name="sourcePairM">m per pair of sources, where they were estimated apart; others take the pooled m.</param>
    /// <param name="sourcePairU">u per pair of sources, for those with their own m; others take the pooled u.</param>
    public FellegiSunterModel(double[][] m, double[][] u, double prior, IReadOnlyDictionary<int, double>? sourcePairPriors = null, IReadOnlyDictionary<int, double[][]>? sourcePairM = null, IReadOnlyDictionary<int, double[][]>? sourcePairU = null)
    {
        SourcePairM = sourcePairM ?? new Dictionary<int, double[][]>();
        SourcePairU = SourcePairM.Keys.ToDictionary(k => k, k => sourcePairU?.GetValueOrDefault(k) ?? u);
        _sourcePairFactors = SourcePairM.ToDictionary(p => p.Key, p => p.Value.Select((levels, c) => BuildFactors(levels, SourcePairU[p.Key][c])).ToArray());
        SourcePairPriors = sourcePairPriors ?? new Dictionary<int, double>();
        _priorShift = SourcePairPriors.ToDictionary(p => p.Key, p => Math.Log2(p.Value / (1 - p.Value)) - Math.Log2(prior / (1 - prior)));
        M = m;
        U = u;
        Prior = prior;
        Log2Factors = [.. m.Select((levels, c) => BuildFactors(levels, u[c]))];
        PriorWeight = Math.Log2(prior / (1 - prior));
    }

    public double[][] M { get; }

    public double[][] U { get; }

    public double Prior { get; }

    /// <summary>The prior per pair of sources (<see cref="SourcePairs"/>): matches expected among those pairs over their number.</summary>
    public IReadOnlyDictionary<int, double> SourcePairPriors { get; }

    /// <summary>m per pair of sources (<see cref="SourcePairs"/>) where estimated apart from the pooled <see cref="M"/>.</summary>
    public IReadOnlyDictionary<int, double[][]> SourcePairM { get; }

    /// <summary>u per pair of sources (<see cref="SourcePairs"/>) that has its own m; the others are scored with the pooled <see cref="U"/>.</summary>
    public IReadOnlyDictionary<int, double[][]> SourcePairU { get; }

    /// <summary>The u a pair between these sources is scored with.</summary>
    public double[][] UOf(int sourcePair) => SourcePairU.GetValueOrDefault(sourcePair, U);

    public double PriorWeight { get; }

    /// <summary>Per comparison, 16 entries: log2(m/u) per level held in the levels' order, 0 for missing.</summary>
    public double[][] Log2Factors { get; }

    public double Weight(ulong pattern) => Weight(pattern, Log2Factors);

    /// <summary>The weight of a pattern between these sources: their own m where estimated, not yet their own prior (<see cref="PriorShift"/>).</summary>
    public double Weight(ulong pattern, int sourcePair) => Weight(pattern, FactorsOf(sourcePair));

    /// <summary>The level weights a pair between these sources is scored with.</summary>
    public double[][] FactorsOf(int sourcePair) => _sourcePairFactors.GetValueOrDefault(sourcePair, Log2Factors);

    /// <summary>The weight of a pattern under these level weights (<see cref="FactorsOf"/>), before any prior shift.</summary>
    public double Weight(ulong pattern, double[][] factors)
    {
        var weight = PriorWeight;
        for (var c = 0; c < factors.Length; c++)
        {
            weight += factors[c][ComparisonVector.Level(pattern, c)];
        }

        return weight;
    }

    /// <summary>What a pair between these sources adds to <see cref="Weight"/>: its own prior in place of the overall one.</summary>
    public double PriorShift(int sourcePair) => _priorShift.GetValueOrDefault(sourcePair);

    /// <summary>The prior's weight (log2 odds) of a pair between these sources: the overall one and its shift.</summary>
    public double PriorWeightOf(int sourcePair) => PriorWeight + PriorShift(sourcePair);

    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    /// <summary>The same m and u with other priors (overall and per pair of sources).</summary>
    public FellegiSunterModel WithPriors(double prior, IReadOnlyDictionary<int, double> sourcePairPriors) =>
        new(M, U, prior, sourcePairPriors, SourcePairM, SourcePairU);

    private static double[] BuildFactors(double[] m, double[] u)
    {
        var factors = new double[16];
        var last = m.Length - 1;
        var otherwise = Math.Log2(m[last] / u[last]);
        var ceiling = double.PositiveInfinity;
        for (var l = 0; l < last; l++)
        {
            ceiling = Math.Min(ceiling, Math.Log2(m[l] / u[l]));
            factors[l] = Math.Max(ceiling, otherwise);
        }

        factors[last] = otherwise;
        return factors;
    }
}
