using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class CandidateGraphTests
{
    [Fact]
    public void Of_PairsSharingRecords_ListsEachRecordsCandidatesInThePairsOrder()
    {
        var table = Tables.Of([("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        List<ScoredPair> kept = [Pair(0, 2, 5), Pair(0, 3, 6), Pair(1, 2, 7)];

        var graph = CandidateGraph.Of(kept, table);

        Assert.Equal([2, 3], Candidates(graph, 0));
        Assert.Equal([2], Candidates(graph, 1));
        Assert.Equal([0, 1], Candidates(graph, 2));
        Assert.Equal([0], Candidates(graph, 3));
        Assert.Equal([5f, 7f], Enumerable.Range(graph.Start[2], 2).Select(k => graph.Weight[k]));
        Assert.Equal([0, 2], Enumerable.Range(graph.Start[2], 2).Select(k => graph.Pair[k]));
    }

    [Fact]
    public void Refresh_AfterThePairsWeightsMove_GivesEachEdgeItsPairsNewWeight()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        List<ScoredPair> kept = [Pair(0, 1, 5), Pair(0, 2, 6)];
        var graph = CandidateGraph.Of(kept, table);

        kept[1] = kept[1] with { Weight = -3 };
        graph.Refresh(kept);

        Assert.Equal([5f, -3f], Enumerable.Range(graph.Start[0], 2).Select(k => graph.Weight[k]));
        Assert.Equal(-3f, graph.Weight[graph.Start[2]]);
    }

    [Fact]
    public void TryWeight_KeptPairEitherWayRound_GivesItsWeight_AndNoneForTwoRecordsNotAPair()
    {
        var table = Tables.Of([("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        List<ScoredPair> kept = [Pair(0, 2, 5), Pair(0, 3, 6), Pair(1, 2, 7)];
        var graph = CandidateGraph.Of(kept, table);

        Assert.True(graph.TryWeight(3, 0, out var weight));
        Assert.Equal(6f, weight);
        Assert.True(graph.TryWeight(1, 2, out weight));
        Assert.Equal(7f, weight);
        Assert.False(graph.TryWeight(1, 3, out _));
        Assert.False(graph.TryWeight(0, 1, out _));
    }

    private static int[] Candidates(CandidateGraph graph, int record) => graph.Other[graph.Start[record]..graph.Start[record + 1]];

    private static ScoredPair Pair(int a, int b, float weight) => new(a, b, weight, (float)FellegiSunterModel.Probability(weight), 0);
}
