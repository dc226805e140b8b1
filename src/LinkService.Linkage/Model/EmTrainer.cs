using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Model;

/// <summary>
/// Expectation–maximisation of m probabilities and the match share on distinct comparison patterns
/// (with counts), u held fixed. Comparisons named in <c>excluded</c> (the fields the training pairs were
/// blocked on, whose agreement is forced) neither vote in the E-step nor get estimated; nor does a comparison
/// missing in every pair.
/// <para>
/// The M-step adds <see cref="PseudoMatches"/> to each level's expected match count (a symmetric Dirichlet prior, add-one):
/// a level no training pair showed gets m = 1 / (matches + levels), the chance the next match lands there by the rule of
/// succession, instead of collapsing to zero and turning any later pair at that level into a veto.
/// </para>
/// <para>
/// Given a prior m (the estimate over every pair of sources), the pseudo-matches are that m times a strength instead:
/// a pair of sources with few matches of its own keeps close to the pooled estimate, one with many follows its data.
/// </para>
/// </summary>
internal static class EmTrainer
{
    /// <summary>Pseudo-matches added to every level's expected count in the M-step.</summary>
    public const double PseudoMatches = 1.0;

    /// <summary>The estimate; <paramref name="Evidence"/> holds each level's expected matches (before the prior) from the last E-step.</summary>
    public sealed record Result(double[][] M, double Lambda, bool[] Estimated, double Pairs, int Iterations, double[][] Evidence);

    public static Result Run(IReadOnlyList<PatternCount> patterns, double[][] u, bool[] excluded, int maxIterations, double tolerance, double[][]? priorM = null, double priorStrength = 0)
    {
        var comparisons = u.Length;
        var m = priorM is null ? u.Select(InitialM).ToArray() : priorM.Select(levels => (double[])levels.Clone()).ToArray();
        var pseudo = priorM is null
            ? u.Select(levels => levels.Select(_ => PseudoMatches).ToArray()).ToArray()
            : priorM.Select(levels => levels.Select(p => p * priorStrength).ToArray()).ToArray();
        var lambda = 0.05;
        var pairs = patterns.Sum(p => (double)p.Count);
        var iterations = 0;
        var evidence = u.Select(levels => new double[levels.Length]).ToArray();
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

            evidence = numerators;
            var change = Math.Abs((matched / pairs) - lambda);
            lambda = Math.Clamp(matched / pairs, 1e-9, 1 - 1e-9);
            for (var c = 0; c < comparisons; c++)
            {
                if (excluded[c])
                {
                    continue;
                }

                var total = numerators[c].Sum();
                var pseudoTotal = pseudo[c].Sum();
                for (var l = 0; l < m[c].Length && total > 0; l++)
                {
                    var next = (numerators[c][l] + pseudo[c][l]) / (total + pseudoTotal);
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

        return new Result(m, lambda, estimated, pairs, iterations, evidence);
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
