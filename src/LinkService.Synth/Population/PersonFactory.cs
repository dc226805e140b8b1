using LinkService.Synth.Names;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// Makes person number k of the population from the seed alone, so each source can re-create any
/// person it needs while streaming, with nothing held in memory.
/// </summary>
internal sealed class PersonFactory
{
    private const double MarriedRecently = 0.12;
    private const double MovedRecently = 0.12;

    /// <summary>An offender population (young, renting, often in unsettled housing) moves far more often.</summary>
    private const double OffendersMovedRecently = 0.3;
    private const double NoNiNumber = 0.015;
    private const double DoubleBarrelled = 0.01;
    private readonly ulong _stream;
    private readonly FeistelPermutation _ids;
    private readonly PopulationPlan _plan;
    private readonly DateOnly _referenceDate;
    private readonly NameTables _names;
    private readonly long _idOffset;
    private readonly bool _nextMonth;

    /// <param name="idOffset">Added to every truth id: the second month's new people are numbered after the first month's.</param>
    /// <param name="nextMonth">The people as they are a month later (<see cref="NextMonth"/>).</param>
    public PersonFactory(PopulationPlan plan, DateOnly referenceDate, NameTables names, long idOffset = 0, bool nextMonth = false)
    {
        _idOffset = idOffset;
        _nextMonth = nextMonth;
        _plan = plan;
        _stream = SplitMix.Combine(plan.Seed, SplitMix.Hash("people"));
        _ids = new FeistelPermutation(plan.People, SplitMix.Combine(plan.Seed, SplitMix.Hash("person-ids")));
        _referenceDate = referenceDate;
        _names = names;
    }

    public Person Create(long k)
    {
        var rng = SplitMix.For(_stream, (ulong)k);
        var young = _plan.InYoungMenWindow(k);
        var person = new Person
        {
            Id = _idOffset + _ids.Map(k),
            Sex = rng.Chance(young ? 0.85 : 0.49) ? Sex.Male : Sex.Female,
        };
        var age = young ? YoungAge(ref rng) : AdultAge(ref rng);
        person.BirthDate = _referenceDate.AddDays(-(int)(age * 365.2425));
        person.Forename = _names.Forename(person.Sex, ref rng);
        var middles = rng.NextDouble();
        if (middles < 0.65)
        {
            person.Middle1 = DistinctForename(person.Sex, person.Forename, ref rng);
            if (middles < 0.10)
            {
                var second = DistinctForename(person.Sex, person.Middle1, ref rng);
                person.Middle2 = string.Equals(second, person.Forename, StringComparison.Ordinal) ? null : second;
            }
        }

        person.Surname = rng.Chance(DoubleBarrelled) ? $"{_names.Surname(ref rng)}-{_names.Surname(ref rng)}" : _names.Surname(ref rng);
        if (person.Sex == Sex.Female && age is > 20 and < 50 && rng.Chance(MarriedRecently))
        {
            person.EarlierSurname = person.Surname;
            person.Surname = _names.Surname(ref rng);
        }

        person.Home = new Address((short)rng.Between(1, 180), (short)rng.Next(Address.Streets.Length), _names.Areas.Sample(ref rng));
        if (rng.Chance(young ? OffendersMovedRecently : MovedRecently))
        {
            var earlier = rng.Chance(0.6) ? PostcodeAreas.Nearby(person.Home.Postcode, ref rng) : _names.Areas.Sample(ref rng);
            person.EarlierHome = new Address((short)rng.Between(1, 180), (short)rng.Next(Address.Streets.Length), earlier);
        }

        person.HasNi = !rng.Chance(NoNiNumber);
        person.Ni = NiNumber.Sample(ref rng);
        person.Reference = 1_000_000_000L + (long)(rng.NextUInt64() % 9_000_000_000UL);
        if (_nextMonth)
        {
            NextMonth.Change(ref person, k, _plan.Seed, _referenceDate, _names);
        }

        return person;
    }

    /// <summary>An offender population: few under 18, most in their twenties and thirties.</summary>
    private static double YoungAge(ref SplitMix rng)
    {
        var u = rng.NextDouble();
        return rng.Chance(0.03) ? 16 + (2 * u) : 18 + (60 * u * u);
    }

    /// <summary>Adults 16–90, with fewer people at the oldest ages.</summary>
    private static double AdultAge(ref SplitMix rng) =>
        rng.Chance(0.78) ? 16 + (49 * rng.NextDouble()) : 65 + (25 * (1 - Math.Sqrt(1 - rng.NextDouble())));

    private string DistinctForename(Sex sex, string other, ref SplitMix rng)
    {
        var name = _names.Forename(sex, ref rng);
        return string.Equals(name, other, StringComparison.Ordinal) ? _names.Forename(sex, ref rng) : name;
    }
}
