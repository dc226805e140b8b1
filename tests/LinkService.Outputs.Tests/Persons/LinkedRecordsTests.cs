using LinkService.Outputs.Persons;

namespace LinkService.Outputs.Tests.Persons;

public sealed class LinkedRecordsTests
{
    private static readonly string[] MapOrder = ["K3", "K1", "K2"];
    private static readonly string[] OtherOrder = ["K1", "K2", "K3", "K4"];

    [Fact]
    public void Build_NumbersRecordsBySourceThenKey_AndClustersByTheirSmallestRecord()
    {
        var builder = new LinkedRecordsBuilder();
        foreach (var (source, key, entity) in new[] { ("welfare", "W2", "E1"), ("justice", "J9", "E1"), ("justice", "J1", "E2"), ("welfare", "W1", "E2"), ("justice", "J5", "E3") })
        {
            builder.Add(source, key, entity);
        }

        var records = builder.Build(TestContext.Current.CancellationToken);

        Assert.Equal(["justice", "welfare"], records.Sources);
        Assert.Equal(["J1", "J5", "J9", "W1", "W2"], Enumerable.Range(0, records.Count).Select(r => records.Key(r).ToString()));
        Assert.Equal([[0, 3], [1], [2, 4]], Enumerable.Range(0, records.Clusters).Select(c => records.Members(c).ToArray()));
    }

    [Fact]
    public void Build_EngineSpelledAndOtherEntityIds_JoinOnlyRecordsOfTheSameId()
    {
        // E and nine digits is taken as a number; any other spelling, even of the same number, is another entity.
        var builder = new LinkedRecordsBuilder();
        foreach (var (key, entity) in new[] { ("A", "E000000001"), ("B", "E1"), ("C", "E000000001"), ("D", "e000000001"), ("E", "E00000000x"), ("F", "E1"), ("G", "E999999999") })
        {
            builder.Add("s", key, entity);
        }

        var records = builder.Build(TestContext.Current.CancellationToken);

        Assert.Equal([[0, 2], [1, 5], [3], [4], [6]], Enumerable.Range(0, records.Clusters).Select(c => records.Members(c).ToArray()));
    }

    [Fact]
    public void Find_ARowInAnotherOrderThanTheMap_IsFoundAllTheSame()
    {
        var builder = new LinkedRecordsBuilder();
        foreach (var key in MapOrder)
        {
            builder.Add("s", key, key);
        }

        var records = builder.Build(TestContext.Current.CancellationToken);

        // Read in the map's order, each row is where it is expected; read in another, each is searched for.
        Assert.Equal([2, 0, 1], MapOrder.Select((k, i) => records.FindArrived(0, k, i)));
        Assert.Equal([0, 1, 2, -1], OtherOrder.Select((k, i) => records.FindArrived(0, k, i)));
    }

    [Fact]
    public void Build_ARecordListedTwice_FailsNamingItsSourceButNotTheKey()
    {
        var builder = new LinkedRecordsBuilder();
        builder.Add("justice", "OFF7", "E1");
        builder.Add("justice", "OFF7", "E2");

        var error = Assert.Throws<InvalidDataException>(() => builder.Build(TestContext.Current.CancellationToken));

        Assert.Contains("'justice'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF7", error.Message, StringComparison.Ordinal);
    }
}
