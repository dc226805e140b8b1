using LinkService.Linkage.Clustering;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Clustering;

public sealed class EntityClustererTests
{
    private static readonly (string, string)[] Three = [("A", "2000-01-01"), ("B", "2000-01-01"), ("C", "2000-01-01")];

    [Fact]
    public void Cluster_ChainOfLinks_MakesOneEntityNumberedByItsFirstRecord()
    {
        var table = Tables.Of(Three, Three);
        ScoredPair[] links = [new(1, 3, 10, 0.99f, 0), new(3, 5, 10, 0.99f, 0)];

        var (entity, entities, _) = EntityClusterer.Cluster(table, links, oneToOne: false);

        Assert.Equal([1, 2, 3, 2, 4, 2], entity);
        Assert.Equal(4, entities);
    }

    [Fact]
    public void Cluster_OneToOne_KeepsOnlyTheBestLinkOfEachRecordAcrossSources()
    {
        var table = Tables.Of(Three, Three);
        ScoredPair[] links = [new(0, 3, 5, 0.95f, 0), new(0, 4, 9, 0.999f, 0), new(1, 4, 7, 0.98f, 0)];

        var (entity, _, accepted) = EntityClusterer.Cluster(table, links, oneToOne: true);

        Assert.Equal(entity[0], entity[4]);
        Assert.NotEqual(entity[0], entity[3]);
        Assert.NotEqual(entity[1], entity[4]);
        Assert.Single(accepted);
    }

    [Fact]
    public void Cluster_LinksInAnyOrder_GiveTheSameEntityIds()
    {
        var table = Tables.Of(Three, Three);
        ScoredPair[] links = [new(2, 5, 10, 0.99f, 0), new(0, 3, 10, 0.99f, 0), new(3, 4, 10, 0.99f, 0)];

        var forward = EntityClusterer.Cluster(table, links, oneToOne: false).Entity;
        var backward = EntityClusterer.Cluster(table, [.. links.Reverse()], oneToOne: false).Entity;

        Assert.Equal(forward, backward);
    }
}
