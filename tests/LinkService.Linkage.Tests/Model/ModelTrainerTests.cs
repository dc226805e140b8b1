using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Model;

/// <summary>How the rules' estimates of one comparison's m become the model's.</summary>
public sealed class ModelTrainerTests
{
    [Fact]
    public void Median_OneRuleTookItsNamesakesForMatches_FollowsTheRulesThatAgree()
    {
        // Postcode levels exact / sector / else. Four rules see matches keep their postcode 70 % of the time; the fifth
        // took a crowd of namesakes (who live elsewhere) for matches, whatever its weight in a mean would have been.
        double[][] estimates = [[0.70, 0.18, 0.12], [0.69, 0.19, 0.12], [0.71, 0.17, 0.12], [0.68, 0.19, 0.13], [0.07, 0.03, 0.90]];

        var m = ModelTrainer.Median(estimates);

        // Medians 0.69, 0.18 and 0.12, scaled by 0.99 to sum to one.
        Assert.Equal([0.69697, 0.181818, 0.121212], m.Select(x => Math.Round(x, 6)));
    }

    [Fact]
    public void Median_EvenNumberOfRules_TakesTheMiddleTwoAndSumsToOne()
    {
        double[][] estimates = [[0.9, 0.1], [0.8, 0.1], [0.6, 0.3], [0.7, 0.2]];

        var m = ModelTrainer.Median(estimates);

        // Medians 0.75 and 0.15, scaled by 0.9.
        Assert.Equal(0.75 / 0.9, m[0], 9);
        Assert.Equal(0.15 / 0.9, m[1], 9);
    }
}
