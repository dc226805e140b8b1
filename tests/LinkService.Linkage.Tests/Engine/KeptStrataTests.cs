using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class KeptStrataTests
{
    private static readonly int Within = SourcePairs.Of(1, 1);
    private static readonly int Across = SourcePairs.Of(0, 1);

    [Fact]
    public void Sums_PairsOfTwoPairsOfSources_SumsEachInThePairsOrderKeyedInTheOrderFirstSeen()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        List<ScoredPair> kept = [Pair(1, 2, 0.1f), Pair(0, 1, 0.7f), Pair(0, 2, 0.3f), Pair(1, 2, 0.2f)];

        var sums = new KeptStrata(kept, table).Sums(kept);

        Assert.Equal([Within, Across], sums.Keys);
        Assert.Equal(0.0 + 0.1f + 0.2f, sums[Within]);
        Assert.Equal(0.0 + 0.7f + 0.3f, sums[Across]);
    }

    [Fact]
    public void PerPair_ShiftsOfOnePairOfSources_GivesEachPairItsOwnAndZeroWhereNoneIsGiven()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        List<ScoredPair> kept = [Pair(1, 2, 0.1f), Pair(0, 1, 0.7f)];
        var strata = new KeptStrata(kept, table);
        var shift = new Dictionary<int, double> { [Across] = -1.5 };

        Assert.Equal([0, -1.5], strata.PerPair(shift));
        Assert.Equal(1.5, strata.MostMoved(shift));
    }

    private static ScoredPair Pair(int a, int b, float probability) => new(a, b, 0, probability, 0);
}
