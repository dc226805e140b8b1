using System.Text.RegularExpressions;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests.Population;

public sealed partial class PersonFactoryTests
{
    private readonly PopulationPlan _plan = Plans.Default(20_000);

    [Fact]
    public void Create_SameNumber_GivesTheSamePerson()
    {
        var a = Plans.People(_plan).Create(1234);
        var b = Plans.People(_plan).Create(1234);

        Assert.Equal((a.Id, a.Forename, a.Surname, a.BirthDate, a.Home, a.Ni), (b.Id, b.Forename, b.Surname, b.BirthDate, b.Home, b.Ni));
    }

    [Fact]
    public void Create_EveryNumber_GivesDistinctIdsInRange()
    {
        var factory = Plans.People(_plan);

        var ids = Enumerable.Range(0, 20_000).Select(k => factory.Create(k).Id).ToList();

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), ids.Order());
    }

    [Fact]
    public void Create_OffenderWindow_IsMostlyYoungMen()
    {
        var factory = Plans.People(_plan);
        var justice = _plan.Sources[0];
        var people = Enumerable.Range(0, 20_000).Select(k => (InJustice: justice.Contains(k), Person: factory.Create(k))).ToList();

        static double Male(IEnumerable<Person> p) => p.Average(x => x.Sex == Sex.Male ? 1.0 : 0.0);
        static double MedianAge(IEnumerable<Person> p) => p.Select(x => Plans.ReferenceDate.Year - x.BirthDate.Year).Order().ElementAt(p.Count() / 2);
        var offenders = people.Where(p => p.InJustice).Select(p => p.Person).ToList();
        var others = people.Where(p => !p.InJustice).Select(p => p.Person).ToList();

        Assert.InRange(Male(offenders), 0.82, 0.88);
        Assert.InRange(Male(others), 0.46, 0.52);
        Assert.InRange(MedianAge(offenders), 28, 38);
        Assert.InRange(MedianAge(others), 40, 52);
        Assert.All(people, p => Assert.InRange(Plans.ReferenceDate.Year - p.Person.BirthDate.Year, 16, 91));
    }

    [Fact]
    public void Create_Identifiers_HaveValidUkFormats()
    {
        var factory = Plans.People(_plan);
        Span<char> buffer = stackalloc char[16];

        for (var k = 0; k < 5_000; k++)
        {
            var person = factory.Create(k);
            Assert.Matches(Postcode(), buffer[..person.Home.Postcode.Format(buffer, NameTables.Instance.Areas)].ToString());
            Assert.Matches(Ni(), buffer[..person.Ni.Format(buffer, spaced: false)].ToString());
            Assert.Matches(NiSpaced(), buffer[..person.Ni.Format(buffer, spaced: true)].ToString());
        }
    }

    [Fact]
    public void Create_ManyPeople_SomeMarriedOrMovedSinceEarlierRecords()
    {
        var factory = Plans.People(_plan);

        var people = Enumerable.Range(0, 20_000).Select(k => factory.Create(k)).ToList();

        Assert.InRange(people.Count(p => p.EarlierSurname is not null) / (double)people.Count, 0.02, 0.05);
        Assert.All(people.Where(p => p.EarlierSurname is not null), p => Assert.Equal(Sex.Female, p.Sex));
        Assert.InRange(people.Count(p => p.EarlierHome is not null) / (double)people.Count, 0.14, 0.20);
        var offenders = Enumerable.Range(0, 20_000).Where(k => _plan.InYoungMenWindow(k)).Select(k => factory.Create(k)).ToList();
        Assert.InRange(offenders.Count(p => p.EarlierHome is not null) / (double)offenders.Count, 0.27, 0.33);
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9]{1,2} [0-9][ABD-HJLNP-UW-Z]{2}$")]
    private static partial Regex Postcode();

    [GeneratedRegex("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$")]
    private static partial Regex Ni();

    [GeneratedRegex("^[A-Z]{2} [0-9]{2} [0-9]{2} [0-9]{2} [A-D]$")]
    private static partial Regex NiSpaced();
}
