using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Tests.Engine;

public sealed class LinkedPairsTests
{
    [Fact]
    public void TryGet_ALinkAskedInEitherOrder_GivesItsProbability()
    {
        var linked = new LinkedPairs([Link(3, 1, 0.9f), Link(1, 2, 0.6f), Link(0, 4, 0.7f)], records: 5);

        Assert.True(linked.TryGet(1, 3, out var forward));
        Assert.True(linked.TryGet(3, 1, out var backward));
        Assert.True(linked.TryGet(2, 1, out var other));
        Assert.Equal((0.9f, 0.9f, 0.6f), (forward, backward, other));
    }

    [Fact]
    public void TryGet_RecordsJoinedOnlyThroughOthers_AreNotALink()
    {
        var linked = new LinkedPairs([Link(3, 1, 0.9f), Link(1, 2, 0.6f)], records: 5);

        Assert.False(linked.TryGet(2, 3, out _));
        Assert.False(linked.TryGet(0, 4, out _));
    }

    private static ScoredPair Link(int a, int b, float probability) => new(a, b, 0, probability, 0);
}
