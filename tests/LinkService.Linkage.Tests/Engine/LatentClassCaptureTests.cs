using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Tests.Engine;

/// <summary>
/// The capture–recapture model behind the matches outside every block, on a population whose missed matches are known
/// exactly: five fields that agree or not, two kinds of match (clean, and careless records that disagree on several
/// fields at once), three rules (fields 0 and 1, fields 2 and 3, field 4). The caught cells are given at their exact
/// expected counts, so the right answer is known to the last digit.
/// </summary>
public sealed class LatentClassCaptureTests
{
    private const double Matches = 100_000;

    // Per class: its share, and each field's chance of agreeing.
    private static readonly (double Share, double[] Agree)[] Population =
    [
        (0.8, [0.95, 0.97, 0.9, 0.96, 0.7]),
        (0.2, [0.5, 0.6, 0.4, 0.55, 0.3]),
    ];

    [Fact]
    public void Missed_TwoKindsOfMatch_FindsTheMatchesNoRuleCaught()
    {
        var (observed, weights, missed, trueMissed) = Cells();

        var estimate = new LatentClassCapture(2, observed, weights, missed, [2, 2, 2, 2, 2]).Missed();

        // 0.8 × 0.0785 × 0.136 × 0.3 + 0.2 × 0.7 × 0.78 × 0.7 = 7.9 % of the 100,000 matches no rule caught.
        Assert.Equal(7_900.2, trueMissed, 1);
        Assert.Equal(trueMissed, estimate, 0);
    }

    [Fact]
    public void Missed_OneClassOnTheSameMatches_FindsFarTooFew()
    {
        var (observed, weights, missed, trueMissed) = Cells();

        var estimate = new LatentClassCapture(1, observed, weights, missed, [2, 2, 2, 2, 2]).Missed();

        // Independence: the careless records' errors coming together is what it cannot see.
        Assert.InRange(estimate, 0, trueMissed / 2);
    }

    [Fact]
    public void Missed_NothingCaught_IsZero()
    {
        var (_, _, missed, _) = Cells();

        Assert.Equal(0, new LatentClassCapture(2, [], [], missed, [2, 2, 2, 2, 2]).Missed());
    }

    private static (int[][] Observed, double[] Weights, int[][] Missed, double TrueMissed) Cells()
    {
        var observed = new List<int[]>();
        var weights = new List<double>();
        var missed = new List<int[]>();
        var trueMissed = 0.0;
        for (var bits = 0; bits < 32; bits++)
        {
            var pattern = Enumerable.Range(0, 5).Select(f => (bits >> f) & 1).ToArray();
            var share = Population.Sum(c => c.Share * pattern.Select((a, f) => a == 1 ? c.Agree[f] : 1 - c.Agree[f]).Aggregate(1.0, (x, y) => x * y));
            var caught = (pattern[0] & pattern[1]) == 1 || (pattern[2] & pattern[3]) == 1 || pattern[4] == 1;
            if (caught)
            {
                observed.Add(pattern);
                weights.Add(Matches * share);
            }
            else
            {
                missed.Add(pattern);
                trueMissed += Matches * share;
            }
        }

        return ([.. observed], [.. weights], [.. missed], trueMissed);
    }
}
