using LinkService.Synth.Names;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Population;

/// <summary>
/// The deliveries a month later (<see cref="SynthOptions.SecondMonth"/>): every first-month record again under its
/// record key, 5 % of the people with changed details (moved house; some of the women also married), and 10 % more
/// people, new to every source, whose records follow under new keys. Ages and content stay those of the first
/// month, so an unchanged record is byte for byte the same.
/// </summary>
internal static class NextMonth
{
    public const double NewPeopleShare = 0.10;
    public const double ChangedShare = 0.05;
    private const double AlsoMarried = 0.3;

    public static long NewPeople(long people) => (long)Math.Round(people * NewPeopleShare);

    /// <summary>Changes person k's details when k is among the changed people; an unchanged person is left alone.</summary>
    public static void Change(ref Person person, long k, ulong seed, DateOnly referenceDate, NameTables names)
    {
        var rng = SplitMix.For(SplitMix.Combine(seed, SplitMix.Hash("next-month")), (ulong)k);
        if (!rng.Chance(ChangedShare))
        {
            return;
        }

        // The departments have updated their records: every record of a changed person shows the new details.
        person.EarlierHome = null;
        var area = rng.Chance(0.6) ? PostcodeAreas.Nearby(person.Home.Postcode, ref rng) : names.Areas.Sample(ref rng);
        person.Home = new Address((short)rng.Between(1, 180), (short)rng.Next(Address.Streets.Length), area);
        var age = referenceDate.Year - person.BirthDate.Year;
        if (person.Sex == Sex.Female && age is > 20 and < 50 && rng.Chance(AlsoMarried))
        {
            person.EarlierSurname = null;
            person.Surname = names.Surname(ref rng);
        }
    }
}
