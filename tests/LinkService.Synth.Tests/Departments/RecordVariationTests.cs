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
    public void Create_JusticeAlias_AlwaysDiffersFromThePersonsFirstRecord()
    {
        var pairs = Vary(DepartmentProfiles.Justice, copy: 0).Zip(Vary(DepartmentProfiles.Justice, copy: 1, seed: 12)).ToList();

        // A typo on both records is drawn afresh on each, so it counts as a difference too.
        Assert.All(pairs, p => Assert.True(Shown(p.First) != Shown(p.Second) || p.Second.Differences >= 1));
        Assert.InRange(Share(pairs, p => p.Second.Differences == 1), 0.75, 0.92);
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
        var justice = Variation(DepartmentProfiles.Justice);
        var welfare = Variation(DepartmentProfiles.Welfare);
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

        Assert.InRange(Share(records, r => !r.HasNi), 0.65, 0.75);
        Assert.InRange(Share(records, r => r.Address is null), 0.06, 0.10);
    }

    [Fact]
    public void Create_DoubleBarrelledSurnames_JusticeSometimesKeepsOnePartOrDropsTheHyphen()
    {
        var justice = Variation(DepartmentProfiles.Justice);
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

    /// <summary>What a record shows of its names and date of birth (its other identifiers vary independently).</summary>
    private static (string?, string?, string?, DateOnly?, bool, bool) Shown(RecordIdentity r) =>
        (r.Forename, r.Middle1, r.Surname, r.BirthDate, r.ForenameTypo, r.SurnameTypo);

    private IEnumerable<RecordIdentity> Vary(DepartmentProfile profile, int copy, ulong seed = 11)
    {
        var variation = Variation(profile);
        for (var k = 0; k < Records; k++)
        {
            var person = _people.Create(k);
            var rng = SplitMix.For(seed, (ulong)k);
            yield return variation.Create(person, copy, ref rng);
        }
    }

    private static RecordVariation Variation(DepartmentProfile profile) => new(profile, NameTables.Instance, default, dayMonthAmbiguous: true);

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;
}
