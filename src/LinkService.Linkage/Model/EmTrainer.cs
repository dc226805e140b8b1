using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Model;

/// <summary>
/// Expectation–maximisation of m probabilities and the match share on distinct comparison patterns
/// (with counts), u held fixed. Comparisons named in <c>excluded</c> (the fields the training pairs were
/// blocked on, whose agreement is forced) neither vote in the E-step nor get estimated; nor does a comparison
/// missing in every pair.
/// </summary>
internal static class EmTrainer
{
    public sealed record Result(double[][] M, double Lambda, bool[] Estimated, double Pairs, int Iterations);

    public static Result Run(IReadOnlyList<PatternCount> patterns, double[][] u, bool[] excluded, int maxIterations, double tolerance)
    {
        var comparisons = u.Length;
        var m = u.Select(InitialM).ToArray();
        var lambda = 0.05;
        var pairs = patterns.Sum(p => (double)p.Count);
        var iterations = 0;
        for (; iterations < maxIterations && pairs > 0; iterations++)
        {
            var numerators = u.Select(levels => new double[levels.Length]).ToArray();
            var matched = 0.0;
            foreach (var entry in patterns)
            {
                var pm = lambda;
                var pu = 1 - lambda;
                for (var c = 0; c < comparisons; c++)
                {
                    var level = ComparisonVector.Level(entry.Pattern, c);
                    if (excluded[c] || level == ComparisonVector.Missing)
                    {
                        continue;
                    }

                    pm *= m[c][level];
                    pu *= u[c][level];
                }

                var posterior = pm / (pm + pu) * entry.Count;
                matched += posterior;
                for (var c = 0; c < comparisons; c++)
                {
                    var level = ComparisonVector.Level(entry.Pattern, c);
                    if (level != ComparisonVector.Missing)
                    {
                        numerators[c][level] += posterior;
                    }
                }
            }

            var change = Math.Abs((matched / pairs) - lambda);
            lambda = Math.Clamp(matched / pairs, 1e-9, 1 - 1e-9);
            for (var c = 0; c < comparisons; c++)
            {
                if (excluded[c])
                {
                    continue;
                }

                var total = numerators[c].Sum();
                for (var l = 0; l < m[c].Length && total > 0; l++)
                {
                    var next = Math.Max(numerators[c][l] / total, 1e-6);
                    change = Math.Max(change, Math.Abs(next - m[c][l]));
                    m[c][l] = next;
                }
            }

            if (change < tolerance)
            {
                iterations++;
                break;
            }
        }

        // A comparison missing in every pair learnt nothing: its m is still the starting guess.
        var estimated = new bool[comparisons];
        for (var c = 0; c < comparisons; c++)
        {
            estimated[c] = !excluded[c] && patterns.Any(p => p.Count > 0 && ComparisonVector.Level(p.Pattern, c) != ComparisonVector.Missing);
        }

        return new Result(m, lambda, estimated, pairs, iterations);
    }

    private static double[] InitialM(double[] u)
    {
        // Agreement likely for matches: most mass on the first level, decreasing after it.
        var m = new double[u.Length];
        var rest = 0.1;
        m[0] = 0.9;
        for (var l = 1; l < m.Length; l++)
        {
            m[l] = rest / (m.Length - 1);
        }

        return m;
    }
}
