using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Tests.Engine;

/// <summary>The missed-link rate: a match no rule generated is missed unless the entities join it through other records.</summary>
public sealed class ErrorEstimatesTests
{
    [Fact]
    public void MissedLinkRate_MatchesOutsideBlocksJoinedThroughOthers_AreNotMissed()
    {
        // 1,000 expected true among the entities' pairs, 40 of them never compared; 60 compared matches left apart;
        // 100 matches outside every block, of which those 40 were joined.
        var joined = (ExpectedTrue: 1_000.0, JoinedOutsideBlocks: new Dictionary<int, double> { [1] = 40 });

        var estimates = ErrorEstimates.From(joined, 60, new Dictionary<int, double> { [1] = 100 });

        Assert.Equal(1_020, estimates.Compared, 6);
        Assert.Equal(100, estimates.Outside!.Value, 6);
        Assert.Equal((60 + 60) / 1_120.0, estimates.MissedLinkRate, 9);
    }

    [Fact]
    public void Outside_FewerThanTheEntitiesJoined_IsAtLeastThoseJoined()
    {
        var joined = (ExpectedTrue: 1_000.0, JoinedOutsideBlocks: new Dictionary<int, double> { [1] = 40 });

        var estimates = ErrorEstimates.From(joined, 60, new Dictionary<int, double> { [1] = 10 });

        Assert.Equal(40, estimates.Outside!.Value, 6);
        Assert.Equal(60 / 1_060.0, estimates.MissedLinkRate, 9);
    }

    [Fact]
    public void MissedLinkRate_OutsideNotEstimated_CountsTheComparedPairsAndThoseJoined()
    {
        var joined = (ExpectedTrue: 1_000.0, JoinedOutsideBlocks: new Dictionary<int, double> { [1] = 40 });

        var estimates = ErrorEstimates.From(joined, 60, null);

        Assert.Null(estimates.Outside);
        Assert.Equal(60 / 1_060.0, estimates.MissedLinkRate, 9);
    }
}
