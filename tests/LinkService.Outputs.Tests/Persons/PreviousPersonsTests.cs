using LinkService.Outputs.Persons;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Tests.Persons;

/// <summary>
/// The previous run's person map is read back into the analysts' files, so a value in it that is not a person
/// pseudonym (an edited row, a torn last line) stops the run instead of reaching them.
/// </summary>
public sealed class PreviousPersonsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("JOHN SMITH 1980-01-01")]
    [InlineData("P-B4RFBGE7F")]
    [InlineData("P-b4rfbge7fk2m9q1x")]
    [InlineData("P-B4RFBGE7FK2M9Q1I")]
    public void Read_AValueThatIsNoPersonPseudonym_NamesTheFileLineAndFieldButNotTheValue(string planted)
    {
        var path = Write(("justice", "J1", Pseudonym(1)), ("justice", "J2", planted), ("welfare", "W1", Pseudonym(3)));

        var error = Assert.Throws<InvalidDataException>(() => PreviousPersons.Read(path, Records(), CancellationToken.None));

        Assert.Equal("persons.csv: line 3, field person_pseudonym, is not a person pseudonym; the previous run's person map is damaged or was altered", error.Message);
        Assert.DoesNotContain(planted, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PseudonymsAsWritten_AreCarriedToTheirRecords()
    {
        var path = Write(("justice", "J1", Pseudonym(1)), ("justice", "J2", Pseudonym(2)), ("welfare", "W1", Pseudonym(1)));

        var previous = PreviousPersons.Read(path, Records(), CancellationToken.None);

        Assert.Equal(previous.OfRecord[0], previous.OfRecord[2]);
        Assert.NotEqual(previous.OfRecord[0], previous.OfRecord[1]);
    }

    [Fact]
    public void Read_ARowWhoseRecordIsGone_KeepsItsPseudonymAmongThoseGiven_AndEachRecordItsOwnText()
    {
        // J9 is not among this run's records: its pseudonym is still one the previous run gave (never to be reused).
        var path = Write(("justice", "J1", Pseudonym(1)), ("justice", "J2", Pseudonym(2)), ("justice", "J9", Pseudonym(9)), ("welfare", "W1", Pseudonym(1)));

        var previous = PreviousPersons.Read(path, Records(), CancellationToken.None);

        var given = Enumerable.Range(1, previous.Pseudonyms.Count - 1).Select(id => previous.Pseudonyms[id].ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { Pseudonym(1), Pseudonym(2), Pseudonym(9) }.Order(StringComparer.Ordinal), given);
        Assert.Equal(
            [Pseudonym(1), Pseudonym(2), Pseudonym(1)],
            previous.OfRecord.Select(id => previous.Pseudonyms[id].ToString()));
    }

    [Fact]
    public void Read_CarriesForwardAsAMapHeldByNameDoes_ThroughASplitAMergeATieAndPeopleNewAndGone()
    {
        var pseudonyms = new Pseudonymiser(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var first = CarryForward.Assign(Clusters(["J1", "W1"], ["J2", "W2", "W3"], ["J3"], ["J6"], ["J4", "W4"]), null, pseudonyms);
        // J1 is gone; W3 splits off; J3's and J6's people merge, one record each (a tie); J7 joins J4; J5 is new.
        var month2 = Clusters(["W1"], ["J2", "W2"], ["W3"], ["J3", "J6"], ["J4", "W4", "J7"], ["J5"]);
        var expected = CarryForward.Assign(month2, first.Persons, pseudonyms);

        // The same, through the person map as a run writes it and the next one reads it.
        var path = Write([.. first.Persons.OrderBy(p => p.Key).Select(p => (p.Key.Source, p.Key.Key, p.Value))]);
        var builder = new LinkedRecordsBuilder();
        for (var c = 0; c < month2.Count; c++)
        {
            foreach (var record in month2[c])
            {
                builder.Add(record.Source, record.Key, $"E{c}");
            }
        }

        var records = builder.Build(TestContext.Current.CancellationToken);
        var assigned = CarryForward.Assign(records, PreviousPersons.Read(path, records, TestContext.Current.CancellationToken), pseudonyms, TestContext.Current.CancellationToken);

        Assert.Equal((4, 2, 1), (expected.Carried, expected.New, expected.Retired));
        Assert.Equal((expected.Carried, expected.New, expected.Retired), (assigned.Carried, assigned.New, assigned.Retired));
        Assert.All(Enumerable.Range(0, records.Count), r => Assert.Equal(
            expected.Persons[new RecordRef(records.Sources[records.SourceOf(r)], records.Key(r).ToString())],
            assigned.Of(records.ClusterOf(r))));
    }

    /// <summary>Clusters of records named by key (J: justice, W: welfare), each in record order, by their smallest.</summary>
    private static List<RecordRef[]> Clusters(params string[][] clusters) =>
        [.. clusters.Select(c => c.Select(k => new RecordRef(k[0] == 'J' ? "justice" : "welfare", k)).Order().ToArray()).OrderBy(c => c[0])];

    private static string Pseudonym(int seed) => new Pseudonymiser(new byte[32]).Person("justice", $"J{seed}", 0);

    private static LinkedRecords Records()
    {
        var builder = new LinkedRecordsBuilder();
        builder.Add("justice", "J1", "E1");
        builder.Add("justice", "J2", "E2");
        builder.Add("welfare", "W1", "E1");
        return builder.Build(TestContext.Current.CancellationToken);
    }

    private string Write(params (string Source, string Key, string Pseudonym)[] rows)
    {
        var path = Path.Combine(_temp.Path, PersonMap.FileName);
        File.WriteAllLines(path, ["source,record_key,person_pseudonym", .. rows.Select(r => $"{r.Source},{r.Key},{r.Pseudonym}")]);
        return path;
    }
}
