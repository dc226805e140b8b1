using LinkService.Outputs.Persons;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Tests.Persons;

public sealed class CarryForwardTests
{
    private readonly Pseudonymiser _pseudonyms = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void FirstRun_DerivesEachPersonFromTheirSmallestRecord_SoARerunAgrees()
    {
        var first = Assign(null, ["a1", "b7"], ["a2"]);
        var again = Assign(null, ["b7", "a1"], ["a2"]);

        Assert.Equal(_pseudonyms.Person("s", "a1", 0), first.Persons[R("b7")]);
        Assert.Equal(first.Persons.OrderBy(p => p.Key), again.Persons.OrderBy(p => p.Key));
        Assert.Equal((0, 2, 0), (first.Carried, first.New, first.Retired));
    }

    [Fact]
    public void Unchanged_EveryoneKeepsTheirPseudonym_EvenOneThatWasNotDerivedFromTheirRecords()
    {
        var previous = Map(("a1", "P-X"), ("a2", "P-X"), ("a3", "P-Y"));

        var next = Assign(previous, ["a1", "a2"], ["a3"]);

        Assert.Equal(["P-X", "P-X", "P-Y"], [next.Persons[R("a1")], next.Persons[R("a2")], next.Persons[R("a3")]]);
        Assert.Equal((2, 0, 0), (next.Carried, next.New, next.Retired));
    }

    [Fact]
    public void Split_TheLargestPartKeepsThePseudonym_TheOtherIsNew()
    {
        var previous = Map(("a1", "P-X"), ("a2", "P-X"), ("a3", "P-X"));

        var next = Assign(previous, ["a1"], ["a2", "a3"]);

        Assert.Equal("P-X", next.Persons[R("a2")]);
        Assert.Equal(_pseudonyms.Person("s", "a1", 0), next.Persons[R("a1")]);
        Assert.Equal((1, 1, 0), (next.Carried, next.New, next.Retired));
    }

    [Fact]
    public void Split_IntoEqualParts_ThePartWithTheSmallestRecordKeepsIt()
    {
        var previous = Map(("a1", "P-X"), ("a2", "P-X"));

        var next = Assign(previous, ["a2"], ["a1"]);

        Assert.Equal("P-X", next.Persons[R("a1")]);
        Assert.NotEqual("P-X", next.Persons[R("a2")]);
    }

    [Fact]
    public void Merge_KeepsThePseudonymSharingMostRecords_TiesToTheSmallestPseudonym()
    {
        var previous = Map(("a1", "P-B"), ("a2", "P-A"), ("a3", "P-C"), ("a4", "P-C"));

        var byOverlap = Assign(previous, ["a1", "a2", "a3", "a4"]);
        var byName = Assign(previous, ["a1", "a2"], ["a3", "a4"]);

        Assert.Equal("P-C", byOverlap.Persons[R("a1")]);
        Assert.Equal(2, byOverlap.Retired);
        Assert.Equal("P-A", byName.Persons[R("a1")]);
        Assert.Equal("P-C", byName.Persons[R("a3")]);
        Assert.Equal(1, byName.Retired);
    }

    [Fact]
    public void NewAndGone_NewPeopleGetDerivedPseudonyms_AGonePersonsIsNeverReused()
    {
        // g1's person is gone; their pseudonym happens to be what n1 would derive (n1 seeded them in an earlier run).
        var gone = _pseudonyms.Person("s", "n1", 0);
        var previous = Map(("g1", gone), ("a1", "P-X"));

        var next = Assign(previous, ["a1"], ["n1"], ["n2"]);

        Assert.Equal("P-X", next.Persons[R("a1")]);
        Assert.Equal(_pseudonyms.Person("s", "n1", 1), next.Persons[R("n1")]);
        Assert.Equal(_pseudonyms.Person("s", "n2", 0), next.Persons[R("n2")]);
        Assert.DoesNotContain(gone, next.Persons.Values);
        Assert.Equal((1, 2, 1), (next.Carried, next.New, next.Retired));
    }

    [Fact]
    public void NewClusterWhoseDerivedPseudonymIsTaken_GetsTheNextAttempt()
    {
        // Last run {a1, a2, a3} was seeded by a1. Now a1 splits off and the larger part keeps the pseudonym.
        var seeded = _pseudonyms.Person("s", "a1", 0);
        var previous = Map(("a1", seeded), ("a2", seeded), ("a3", seeded));

        var next = Assign(previous, ["a1"], ["a2", "a3"]);

        Assert.Equal(seeded, next.Persons[R("a2")]);
        Assert.Equal(_pseudonyms.Person("s", "a1", 1), next.Persons[R("a1")]);
    }

    private static RecordRef R(string key) => new("s", key);

    private static Dictionary<RecordRef, string> Map(params (string Key, string Person)[] rows) => rows.ToDictionary(r => R(r.Key), r => r.Person);

    private PersonAssignment Assign(Dictionary<RecordRef, string>? previous, params string[][] clusters)
    {
        var sorted = clusters.Select(c => c.Select(R).Order().ToArray()).OrderBy(c => c[0]).ToList();
        return CarryForward.Assign(sorted, previous, _pseudonyms);
    }
}
