using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Model;

/// <summary>
/// m and u probabilities per comparison level (the last level is "else") and the prior probability that
/// two records drawn at random are the same person. Missing values carry no weight.
/// </summary>
internal sealed class FellegiSunterModel
{
    public FellegiSunterModel(double[][] m, double[][] u, double prior)
    {
        M = m;
        U = u;
        Prior = prior;
        Log2Factors = [.. m.Select((levels, c) => BuildFactors(levels, u[c]))];
        PriorWeight = Math.Log2(prior / (1 - prior));
    }

    public double[][] M { get; }

    public double[][] U { get; }

    public double Prior { get; }

    public double PriorWeight { get; }

    /// <summary>Per comparison, 16 entries: log2(m/u) per level, 0 for missing.</summary>
    public double[][] Log2Factors { get; }

    public double Weight(ulong pattern)
    {
        var weight = PriorWeight;
        for (var c = 0; c < Log2Factors.Length; c++)
        {
            weight += Log2Factors[c][ComparisonVector.Level(pattern, c)];
        }

        return weight;
    }

    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    private static double[] BuildFactors(double[] m, double[] u)
    {
        var factors = new double[16];
        for (var l = 0; l < m.Length; l++)
        {
            factors[l] = Math.Log2(m[l] / u[l]);
        }

        return factors;
    }
}
