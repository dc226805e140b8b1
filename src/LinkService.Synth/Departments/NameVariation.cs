using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// The ways a department records a person's names differently: another form of the forename (from
/// the nickname table, a short form outside it, the middle name, or an alias), typos, a surname cut
/// or stripped of punctuation, forename and surname swapped (often with a typo), a blank forename.
/// </summary>
internal sealed class NameVariation
{
    private readonly DepartmentProfile _profile;
    private readonly NameTables _names;

    public NameVariation(DepartmentProfile profile, NameTables names)
    {
        _profile = profile;
        _names = names;
    }

    public void Apply(ref RecordIdentity id, in Person person, ref SplitMix rng)
    {
        var p = _profile;
        if (string.Equals(id.Forename, person.Forename, StringComparison.Ordinal))
        {
            // One draw picks at most one other form of the forename: a record holds one forename.
            var u = rng.NextDouble();
            var middle = person.Middle1 is null ? 0 : p.MiddleAsForename;
            _ = u < p.NicknameUsed ? TryNickname(ref id, person, ref rng)
                : u < p.NicknameUsed + p.ShortForename ? TryShortForm(ref id, person, ref rng)
                : u < p.NicknameUsed + p.ShortForename + middle ? TryMiddleAsForename(ref id, person, ref rng)
                : u < p.NicknameUsed + p.ShortForename + middle + p.AliasForename && AliasForename(ref id, person, ref rng);
        }

        if (rng.Chance(p.ForenameTypo))
        {
            ForenameTypo(ref id);
        }

        if (id.Surname is { } surname && surname.IndexOfAny(['-', '\'']) > 0)
        {
            id.Surname = VarySurnamePunctuation(surname, ref id, ref rng);
        }

        if (rng.Chance(p.SurnameTypo))
        {
            SurnameTypo(ref id);
        }

        if (rng.Chance(p.NamesSwapped))
        {
            Swap(ref id, ref rng);
        }

        if (rng.Chance(p.ForenameMissing))
        {
            id.Forename = null;
            id.Add(Variation.ForenameMissing);
        }
    }

    public bool TryNickname(ref RecordIdentity id, in Person person, ref SplitMix rng) =>
        Use(ref id, _names.Nicknames.Variant(person.Forename, person.Sex, ref rng), Variation.Nickname);

    public bool TryShortForm(ref RecordIdentity id, in Person person, ref SplitMix rng) =>
        Use(ref id, _names.ShortForenames.Of(person.Forename, person.Sex, ref rng), Variation.ShortForename);

    /// <summary>Known by the middle name: first and middle swapped, or the middle name alone.</summary>
    public static bool TryMiddleAsForename(ref RecordIdentity id, in Person person, ref SplitMix rng)
    {
        if (person.Middle1 is null)
        {
            return false;
        }

        id.Forename = person.Middle1;
        if (id.Middle1 is not null)
        {
            (id.Middle1, id.Middle2) = rng.Chance(0.5) ? (person.Forename, person.Middle2) : (person.Middle2, null);
        }

        id.Add(Variation.MiddleAsForename);
        return true;
    }

    /// <summary>A different forename of the same sex: the name someone gave, not a form of theirs.</summary>
    public bool AliasForename(ref RecordIdentity id, in Person person, ref SplitMix rng)
    {
        var alias = _names.Forename(person.Sex, ref rng);
        while (string.Equals(alias, person.Forename, StringComparison.Ordinal) || string.Equals(alias, person.Middle1, StringComparison.Ordinal))
        {
            alias = _names.Forename(person.Sex, ref rng);
        }

        id.Forename = alias;
        id.Add(Variation.AliasForename);
        return true;
    }

    /// <summary>Records <paramref name="form"/> as the forename; false when there is no such form.</summary>
    private static bool Use(ref RecordIdentity id, string? form, Variation variation)
    {
        if (form is null)
        {
            return false;
        }

        id.Forename = form;
        id.Add(variation);
        return true;
    }

    public static void ForenameTypo(ref RecordIdentity id)
    {
        id.ForenameTypo = true;
        id.Add(Variation.ForenameTypo);
    }

    public static void SurnameTypo(ref RecordIdentity id)
    {
        id.SurnameTypo = true;
        id.Add(Variation.SurnameTypo);
    }

    /// <summary>Forename and surname in each other's fields; a share of them mis-keyed as well.</summary>
    public void Swap(ref RecordIdentity id, ref SplitMix rng)
    {
        (id.Forename, id.Surname) = (id.Surname, id.Forename);
        (id.ForenameTypo, id.SurnameTypo) = (id.SurnameTypo, id.ForenameTypo);
        id.Add(Variation.NamesSwapped);
        if (!id.ForenameTypo && !id.SurnameTypo && rng.Chance(_profile.SwappedNameTypo))
        {
            if (rng.Chance(0.5))
            {
                ForenameTypo(ref id);
            }
            else
            {
                SurnameTypo(ref id);
            }
        }
    }

    /// <summary>A double-barrelled surname cut to one part, or punctuation dropped (O'Brien, OBrien).</summary>
    private string VarySurnamePunctuation(string surname, ref RecordIdentity id, ref SplitMix rng)
    {
        var hyphen = surname.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && rng.Chance(_profile.SurnamePartOnly))
        {
            id.Add(Variation.SurnamePart);
            return rng.Chance(0.7) ? surname[..hyphen] : surname[(hyphen + 1)..];
        }

        return rng.Chance(_profile.PunctuationDropped)
            ? surname.Replace("'", "", StringComparison.Ordinal).Replace('-', ' ')
            : surname;
    }
}
