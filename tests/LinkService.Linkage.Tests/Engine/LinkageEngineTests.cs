using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class LinkageEngineTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_Febrl4WithReference_LinksWithTheReadmesF1()
    {
        var score = LinkFebrl4(withReference: true);
        ReadmeFigure.AssertF1(0.9998, score.F1, "FEBRL4 with soc_sec_id");
    }

    [Fact]
    public void Run_Febrl4WithoutReference_LinksWithTheReadmesF1()
    {
        var score = LinkFebrl4(withReference: false);
        ReadmeFigure.AssertF1(0.9963, score.F1, "FEBRL4 without soc_sec_id");
    }

    [Fact]
    public void Run_Febrl3Dedupe_FindsDuplicatesWithTheReadmesF1()
    {
        var (records, truth) = Febrl.Read("dataset3.csv", "febrl3");
        var table = RecordTableBuilder.Build(Febrl.Spec(withReference: true), [records], CancellationToken.None);
        var outcome = LinkageEngine.Run(Febrl.Spec(withReference: true), LinkageMode.Dedupe, table, [.. truth], CancellationToken.None);
        var score = PairwiseScore.Of(table, outcome.Entity, [.. truth], LinkageMode.Dedupe);
        Report(outcome, score);
        ReadmeFigure.AssertF1(0.9996, score.F1, "FEBRL3 deduplication");
    }

    [Theory]
    [InlineData(LinkageMode.Link)]
    [InlineData(LinkageMode.Dedupe)]
    [InlineData(LinkageMode.Both)]
    public void Run_EveryDeliveryEmpty_GivesNoLinksRatherThanFailing(LinkageMode mode)
    {
        var table = Tables.Of([], []);

        var outcome = LinkageEngine.Run(Tables.Spec, mode, table, truth: null, CancellationToken.None);

        Assert.Empty(outcome.Entity);
        Assert.Empty(outcome.Links);
        Assert.Equal(0, outcome.Quality.PairsCompared);
    }

    private PairwiseScore LinkFebrl4(bool withReference)
    {
        var (a, truthA) = Febrl.Read("dataset4a.csv", "a");
        var (b, truthB) = Febrl.Read("dataset4b.csv", "b");
        var spec = Febrl.Spec(withReference);
        var table = RecordTableBuilder.Build(spec, [a, b], CancellationToken.None);
        int[] truth = [.. truthA, .. truthB];
        var outcome = LinkageEngine.Run(spec, LinkageMode.Link, table, truth, CancellationToken.None);
        var score = PairwiseScore.Of(table, outcome.Entity, truth, LinkageMode.Link);
        Report(outcome, score);
        return score;
    }

    private void Report(LinkageOutcome outcome, PairwiseScore score)
    {
        output.WriteLine($"P {score.Precision:F4} R {score.Recall:F4} F1 {score.F1:F4} true {score.TruePairs} predicted {score.PredictedPairs}");
        output.WriteLine($"pairs {outcome.Quality.PairsCompared} recall {outcome.Quality.BlockingRecall:F4} prior {outcome.Model.Prior:E3} expected {outcome.Quality.ExpectedMatches}");
        foreach (var r in outcome.Training.Rules)
        {
            output.WriteLine($"  rule {r.Rule}: pairs {r.Pairs} lambda {r.MatchShare:F4} it {r.Iterations}");
        }

        for (var c = 0; c < outcome.Model.M.Length; c++)
        {
            output.WriteLine($"  c{c} m [{string.Join(" ", outcome.Model.M[c].Select(x => x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}] u [{string.Join(" ", outcome.Model.U[c].Select(x => x.ToString("E2", System.Globalization.CultureInfo.InvariantCulture)))}]");
        }

        foreach (var t in outcome.Timings)
        {
            output.WriteLine($"  {t.Stage}: {t.Duration.TotalMilliseconds:F0} ms");
        }
    }

    [Fact]
    public void SplitLinks_WithAHigherBarWithinASource_LinksTheCrossPairAndReviewsTheDuplicateAtOneProbability()
    {
        // Records 0 and 1 are of source 0, record 2 of source 1; both pairs are at 0.9.
        List<ScoredPair> kept = [new(0, 1, 3.2f, 0.9f, 0), new(1, 2, 3.2f, 0.9f, 0)];

        var (links, review) = LinkageEngine.SplitLinks(kept, [0, 0, 1], new ThresholdSpec { Match = 0.7, MatchWithinSource = 0.95, Review = 0.5 });

        Assert.Equal((1, 2), (links.Single().A, links.Single().B));
        Assert.Equal((0, 1), (review.Single().A, review.Single().B));
    }

    [Fact]
    public void SplitLinks_PairTheDecisionPutUnderTheReviewThreshold_IsNeitherLinkNorReview()
    {
        // Kept because a lone pair could have been lifted over the review threshold; its rivals put it at 0.1 instead.
        List<ScoredPair> kept = [new(0, 1, -1f, 0.1f, 0), new(0, 2, 9f, 0.998f, 0)];

        var (links, review) = LinkageEngine.SplitLinks(kept, [0, 1, 1], new ThresholdSpec { Match = 0.7, Review = 0.3 });

        Assert.Equal((0, 2), (links.Single().A, links.Single().B));
        Assert.Empty(review);
    }
}
