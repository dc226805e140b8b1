using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Model;

public sealed class EmTrainerTests
{
    [Fact]
    public void Run_MixtureWithKnownParameters_RecoversMatchShareAndM()
    {
        // Two comparisons with levels {agree, else}. 10,000 matches with m = (0.9, 0.1), 90,000 non-matches with u = (0.05, 0.95), independent
        // (enough that the add-one prior moves m by less than the tolerance).
        double[][] u = [[0.05, 0.95], [0.05, 0.95]];
        var patterns = new List<PatternCount>();
        foreach (var (l0, l1) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
        {
            var matches = 10_000 * (l0 == 0 ? 0.9 : 0.1) * (l1 == 0 ? 0.9 : 0.1);
            var nonMatches = 90_000 * u[0][l0] * u[1][l1];
            var pattern = ComparisonVector.With(ComparisonVector.With(0, 0, (byte)l0), 1, (byte)l1);
            patterns.Add(new PatternCount(pattern, 1, (long)Math.Round(matches + nonMatches)));
        }

        var result = EmTrainer.Run(patterns, u, [false, false], maxIterations: 500, tolerance: 1e-9);

        Assert.Equal(0.1, result.Lambda, 2);
        Assert.Equal(0.9, result.M[0][0], 2);
        Assert.Equal(0.9, result.M[1][0], 2);
    }

    [Fact]
    public void Run_ExcludedComparison_KeepsItsStartingM()
    {
        double[][] u = [[0.05, 0.95], [0.05, 0.95]];
        PatternCount[] patterns = [new(0, 1, 500), new(ComparisonVector.With(0, 1, 1), 1, 500)];

        var result = EmTrainer.Run(patterns, u, [true, false], maxIterations: 50, tolerance: 1e-9);

        Assert.False(result.Estimated[0]);
        Assert.Equal(0.9, result.M[0][0], 6);
    }

    [Fact]
    public void Run_ComparisonMissingInEveryPair_IsNotEstimated()
    {
        // The second comparison's field is blank in one source, so no training pair has it: its m is only the starting guess.
        double[][] u = [[0.05, 0.95], [0.05, 0.95]];
        var missing = ComparisonVector.With(0, 1, ComparisonVector.Missing);
        PatternCount[] patterns = [new(missing, 1, 500), new(ComparisonVector.With(missing, 0, 1), 1, 500)];

        var result = EmTrainer.Run(patterns, u, [false, false], maxIterations: 50, tolerance: 1e-9);

        Assert.True(result.Estimated[0]);
        Assert.False(result.Estimated[1]);
    }

    [Fact]
    public void Run_LevelNoPairShowed_GetsOnePseudoMatchNotAFloor()
    {
        // Three levels (exact, initial, else); no pair is at "initial". Add-one: m = 1 / (expected matches + levels).
        double[][] u = [[0.05, 0.01, 0.94], [0.05, 0.95]];
        PatternCount[] patterns =
        [
            new(0, 1, 900),
            new(ComparisonVector.With(ComparisonVector.With(0, 0, 2), 1, 1), 1, 9_000),
            new(ComparisonVector.With(0, 0, 2), 1, 100),
        ];

        var result = EmTrainer.Run(patterns, u, [false, false], maxIterations: 200, tolerance: 1e-9);

        Assert.Equal(0, result.Evidence[0][1]);
        Assert.Equal(1 / (result.Evidence[0].Sum() + 3), result.M[0][1], 9);
        Assert.True(result.M[0][1] > 1e-4);
    }
}
