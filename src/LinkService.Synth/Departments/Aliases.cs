using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// What makes a person's second justice record an alias rather than a copy: another form of the
/// forename, the middle name used as the forename, the other surname (or a misspelt one), a slipped
/// date of birth, or a misspelt forename. One of these per alias, so aliases stay linkable.
/// </summary>
internal static class Aliases
{
    /// <summary>One deliberate difference that makes a second record an alias rather than a copy.</summary>
    public static void Apply(ref RecordIdentity id, in Person person, Nicknames nicknames, ref SplitMix rng)
    {
        id.Differences++;
        var kind = rng.NextDouble();
        if (kind < 0.3 && nicknames.Variant(person.Forename, person.Sex, ref rng) is { } variant)
        {
            id.Forename = variant;
        }
        else if (kind < 0.45 && person.Middle1 is not null)
        {
            // Known by their middle name.
            id.Forename = person.Middle1;
            id.Middle1 = person.Middle2;
            id.Middle2 = null;
        }
        else if (kind < 0.65)
        {
            id.Surname = person.EarlierSurname is not null && id.Surname == person.Surname ? person.EarlierSurname : null;
            id.Surname ??= person.Surname;
            id.SurnameTypo = id.Surname == person.Surname;
        }
        else if (kind < 0.9)
        {
            id.BirthDate = BirthDateSlips.Slip(person.BirthDate, ref rng);
        }
        else
        {
            id.ForenameTypo = true;
        }
    }
}
