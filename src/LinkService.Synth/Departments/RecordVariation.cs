using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// Decides how one department's record of a person differs from the truth: which surname and
/// address it holds (by how recent its view is), then small independent chances of a nickname,
/// typo, swapped names, transposed or slipped date of birth and blank values. An alias record
/// (a person's second justice record) also gets one deliberate variation of name or birth date.
/// Identifiers the schema requires are never left blank.
/// </summary>
internal sealed class RecordVariation
{
    private readonly DepartmentProfile _profile;
    private readonly Nicknames _nicknames;
    private readonly RequiredIdentifiers _required;

    public RecordVariation(DepartmentProfile profile, Nicknames nicknames, RequiredIdentifiers required = default)
    {
        _profile = profile;
        _nicknames = nicknames;
        _required = required;
    }

    public RecordIdentity Create(in Person person, int copy, ref SplitMix rng)
    {
        var p = _profile;
        var earlier = rng.NextDouble() >= p.Recency;
        var id = new RecordIdentity
        {
            Forename = person.Forename,
            Surname = earlier && person.EarlierSurname is not null ? person.EarlierSurname : person.Surname,
            BirthDate = person.BirthDate,
            SexCode = person.Sex == Sex.Female ? 1 : 0,
            Address = earlier && person.EarlierHome is not null ? person.EarlierHome : person.Home,
            HasNi = person.HasNi,
            Ni = person.Ni,
            Reference = person.Reference,
        };

        if (!rng.Chance(p.MiddleNamesOmitted))
        {
            id.Middle1 = person.Middle1;
            id.Middle2 = person.Middle2;
        }

        if (copy > 0 && p.Duplicates == DuplicateKind.Alias)
        {
            Aliases.Apply(ref id, person, _nicknames, ref rng);
        }

        VaryNames(ref id, person, ref rng);
        VaryBirthDate(ref id, ref rng);
        if (rng.Chance(p.SexUnknown))
        {
            id.SexCode = 2;
            id.Differences++;
        }

        if (rng.Chance(p.PostcodeMissing))
        {
            id.Address = null;
        }
        else if (rng.Chance(p.PostcodeTypo))
        {
            id.PostcodeTypo = true;
            id.Differences++;
        }

        if (id.HasNi && rng.Chance(p.NiMissing))
        {
            id.HasNi = false;
        }

        id.NiSpaced = rng.Chance(p.NiSpaced);
        if (id.HasNi && rng.Chance(p.NiTypo))
        {
            id.NiTypo = true;
            id.Differences++;
        }

        KeepRequired(ref id, person);
        return id;
    }

    private void KeepRequired(ref RecordIdentity id, in Person person)
    {
        var r = _required;
        id.Forename ??= r.Forename ? person.Forename : null;
        id.Surname ??= r.Surname ? person.Surname : null;
        id.BirthDate ??= r.BirthDate ? person.BirthDate : null;
        id.Address ??= r.Address ? person.Home : null;
        id.HasNi |= r.Ni;
        if (r.KnownSex && id.SexCode == 2)
        {
            id.SexCode = person.Sex == Sex.Female ? 1 : 0;
        }
    }

    private void VaryNames(ref RecordIdentity id, in Person person, ref SplitMix rng)
    {
        var p = _profile;
        if (rng.Chance(p.NicknameUsed) && _nicknames.Variant(id.Forename!, person.Sex, ref rng) is { } variant)
        {
            id.Forename = variant;
            id.Differences++;
        }

        if (rng.Chance(p.ForenameTypo))
        {
            id.ForenameTypo = true;
            id.Differences++;
        }

        if (id.Surname is { } surname && surname.IndexOfAny(['-', '\'']) > 0)
        {
            id.Surname = VarySurnamePunctuation(surname, ref rng, ref id.Differences);
        }

        if (rng.Chance(p.SurnameTypo))
        {
            id.SurnameTypo = true;
            id.Differences++;
        }

        if (rng.Chance(p.NamesSwapped))
        {
            (id.Forename, id.Surname) = (id.Surname, id.Forename);
            (id.ForenameTypo, id.SurnameTypo) = (id.SurnameTypo, id.ForenameTypo);
            id.Differences++;
        }

        if (rng.Chance(p.ForenameMissing))
        {
            id.Forename = null;
            id.Differences++;
        }
    }

    private void VaryBirthDate(ref RecordIdentity id, ref SplitMix rng)
    {
        var p = _profile;
        var dob = id.BirthDate!.Value;
        if (rng.Chance(p.DayMonthTransposed) && dob.Day <= 12 && dob.Day != dob.Month)
        {
            id.BirthDate = new DateOnly(dob.Year, dob.Day, dob.Month);
            id.Differences++;
        }
        else if (rng.Chance(p.BirthDateSlip))
        {
            id.BirthDate = BirthDateSlips.Slip(dob, ref rng);
            id.Differences++;
        }

        if (rng.Chance(p.BirthDateDefaulted) && id.BirthDate is { } known)
        {
            id.BirthDate = new DateOnly(known.Year, 1, 1);
            id.Differences++;
        }

        if (rng.Chance(p.BirthDateMissing))
        {
            id.BirthDate = null;
            id.Differences++;
        }
    }

    /// <summary>A double-barrelled surname cut to one part, or punctuation dropped (O'Brien, OBrien).</summary>
    private string VarySurnamePunctuation(string surname, ref SplitMix rng, ref int differences)
    {
        var hyphen = surname.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && rng.Chance(_profile.SurnamePartOnly))
        {
            differences++;
            return rng.Chance(0.7) ? surname[..hyphen] : surname[(hyphen + 1)..];
        }

        return rng.Chance(_profile.PunctuationDropped)
            ? surname.Replace("'", "", StringComparison.Ordinal).Replace('-', ' ')
            : surname;
    }
}
