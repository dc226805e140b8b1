using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;
using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests.Departments;

public sealed class RecordVariationTests
{
    private const int Records = 20_000;
    private readonly PersonFactory _people = Plans.People(Plans.Default(Records));

    [Fact]
    public void Create_JusticeFirstRecords_MostlyNoDifferenceAndAlmostNeverMoreThanOne()
    {
        var differences = Vary(DepartmentProfiles.Justice, copy: 0).Select(r => r.Differences).ToList();

        Assert.InRange(Share(differences, d => d == 0), 0.80, 0.92);
        Assert.InRange(Share(differences, d => d <= 1), 0.98, 1.0);
    }

    [Fact]
    public void Create_Welfare_HasFewerDifferencesThanJustice()
    {
        var welfare = Vary(DepartmentProfiles.Welfare, copy: 0).Select(r => r.Differences).ToList();

        Assert.InRange(Share(welfare, d => d == 0), 0.91, 0.97);
    }

    [Fact]
    public void Create_JusticeAlias_AlwaysDiffersFromTheTruth()
    {
        var aliases = Vary(DepartmentProfiles.Justice, copy: 1).ToList();

        Assert.All(aliases, a => Assert.True(a.Differences >= 1));
        Assert.InRange(Share(aliases, a => a.Differences == 1), 0.8, 0.95);
    }

    [Fact]
    public void Create_WelfareRepeatClaim_IsNoMoreDifferentThanAFirstClaim()
    {
        var repeats = Vary(DepartmentProfiles.Welfare, copy: 2).Select(r => r.Differences).ToList();

        Assert.InRange(Share(repeats, d => d == 0), 0.91, 0.97);
    }

    [Fact]
    public void Create_ByRecency_JusticeHoldsEarlierAndWelfareCurrentSurnamesAndAddresses()
    {
        var people = Enumerable.Range(0, Records).Select(k => _people.Create(k)).ToList();
        var justice = new RecordVariation(DepartmentProfiles.Justice, NameTables.Instance.Nicknames);
        var welfare = new RecordVariation(DepartmentProfiles.Welfare, NameTables.Instance.Nicknames);
        var rng = new SplitMix(3);

        foreach (var person in people.Where(p => p.EarlierSurname is not null || p.EarlierHome is not null).Take(300))
        {
            var j = justice.Create(person, 0, ref rng);
            var w = welfare.Create(person, 0, ref rng);
            if (person.EarlierSurname is not null && j.Differences + w.Differences == 0)
            {
                Assert.Equal(person.EarlierSurname, j.Surname);
                Assert.Equal(person.Surname, w.Surname);
            }

            if (person.EarlierHome is not null && j.Address is not null && w.Address is not null)
            {
                Assert.Equal(person.EarlierHome, j.Address);
                Assert.Equal(person.Home, w.Address);
            }
        }
    }

    [Fact]
    public void Create_Justice_LeavesMostNiNumbersBlankAndSomePostcodes()
    {
        var records = Vary(DepartmentProfiles.Justice, copy: 0).ToList();

        Assert.InRange(Share(records, r => !r.HasNi), 0.5, 0.6);
        Assert.InRange(Share(records, r => r.Address is null), 0.06, 0.10);
    }

    [Fact]
    public void Create_DoubleBarrelledSurnames_JusticeSometimesKeepsOnePartOrDropsTheHyphen()
    {
        var justice = new RecordVariation(DepartmentProfiles.Justice, NameTables.Instance.Nicknames);
        var rng = new SplitMix(4);
        var people = Enumerable.Range(0, Records).Select(k => _people.Create(k)).Where(p => p.EarlierSurname is null && p.Surname.Contains('-', StringComparison.Ordinal)).ToList();

        var surnames = people.Select(p => (Truth: p.Surname, Recorded: justice.Create(p, 0, ref rng).Surname!)).ToList();

        Assert.InRange(people.Count / (double)Records, 0.007, 0.013);
        Assert.Contains(surnames, s => s.Truth.StartsWith(s.Recorded + "-", StringComparison.Ordinal));
        Assert.Contains(surnames, s => s.Recorded == s.Truth.Replace('-', ' '));
        Assert.Contains(surnames, s => s.Recorded == s.Truth);
    }

    [Fact]
    public void Create_Justice_SometimesRecordsOnlyTheYearOfBirthAsFirstOfJanuary()
    {
        var records = Vary(DepartmentProfiles.Justice, copy: 0).Zip(Enumerable.Range(0, Records).Select(k => _people.Create(k))).ToList();

        var defaulted = records.Count(r => r.First.BirthDate is { Day: 1, Month: 1 } d && r.Second.BirthDate != d);

        Assert.InRange(defaulted / (double)Records, 0.002, 0.007);
    }

    private IEnumerable<RecordIdentity> Vary(DepartmentProfile profile, int copy)
    {
        var variation = new RecordVariation(profile, NameTables.Instance.Nicknames);
        for (var k = 0; k < Records; k++)
        {
            var person = _people.Create(k);
            var rng = SplitMix.For(11, (ulong)k);
            yield return variation.Create(person, copy, ref rng);
        }
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;
}
