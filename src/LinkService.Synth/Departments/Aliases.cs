using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// What makes a person's further justice record an alias rather than a copy: another form of the
/// forename (nickname, short form, middle name), a different forename altogether, the other surname
/// (or a misspelt one), a date of birth with the year or a day or month off, day and month swapped,
/// a misspelt forename, or forename and surname swapped. One of these per alias, so the record always
/// differs and stays linkable; the shares are in the synth README.
/// </summary>
internal static class Aliases
{
    public static void Apply(ref RecordIdentity id, in Person person, NameVariation names, BirthDateVariation dates, ref SplitMix rng)
    {
        var kind = rng.NextDouble();
        var changed = kind switch
        {
            < 0.18 => names.TryNickname(ref id, person, ref rng),
            < 0.28 => names.TryShortForm(ref id, person, ref rng),
            < 0.38 => NameVariation.TryMiddleAsForename(ref id, person, ref rng),
            < 0.53 => names.AliasForename(ref id, person, ref rng),
            < 0.66 => OtherSurname(ref id, person),
            < 0.74 => BirthDateVariation.TryYearOffByOne(ref id, ref rng),
            < 0.80 => Slip(ref id, ref rng),
            < 0.85 => dates.TrySwapDayAndMonth(ref id),
            < 0.95 => false,
            _ => Swap(ref id, names, ref rng),
        };
        if (!changed)
        {
            NameVariation.ForenameTypo(ref id);
        }
    }

    /// <summary>The married surname where the record holds the earlier one and the other way round; else a misspelt surname.</summary>
    private static bool OtherSurname(ref RecordIdentity id, in Person person)
    {
        if (person.EarlierSurname is null)
        {
            NameVariation.SurnameTypo(ref id);
        }
        else if (string.Equals(id.Surname, person.EarlierSurname, StringComparison.Ordinal))
        {
            id.Surname = person.Surname;
            id.Variations &= ~Variation.EarlierSurname;
        }
        else
        {
            id.Surname = person.EarlierSurname;
            id.Add(Variation.EarlierSurname);
        }

        return true;
    }

    private static bool Slip(ref RecordIdentity id, ref SplitMix rng)
    {
        id.BirthDate = BirthDateSlips.Slip(id.BirthDate!.Value, ref rng);
        id.Add(Variation.BirthDateSlip);
        return true;
    }

    private static bool Swap(ref RecordIdentity id, NameVariation names, ref SplitMix rng)
    {
        names.Swap(ref id, ref rng);
        return true;
    }
}
