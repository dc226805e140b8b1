using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// Decides how one department's record of a person differs from the truth: which surname and
/// address it holds (by how recent its view is), then small independent chances of each error class
/// (<see cref="Variation"/>) at the department's rates. An alias record (a person's second justice
/// record) also gets one deliberate variation. Identifiers the schema requires are never left blank.
/// </summary>
internal sealed class RecordVariation
{
    private readonly DepartmentProfile _profile;
    private readonly NameVariation _names;
    private readonly BirthDateVariation _dates;
    private readonly RequiredIdentifiers _required;

    /// <param name="dayMonthAmbiguous">Whether the source writes dates of birth day and month first, so they can be read the other way round.</param>
    public RecordVariation(DepartmentProfile profile, NameTables names, RequiredIdentifiers required, bool dayMonthAmbiguous)
    {
        _profile = profile;
        _names = new NameVariation(profile, names);
        _dates = new BirthDateVariation(profile, dayMonthAmbiguous);
        _required = required;
    }

    public RecordIdentity Create(in Person person, int copy, ref SplitMix rng)
    {
        var p = _profile;
        var earlier = rng.NextDouble() >= p.Recency;
        var id = new RecordIdentity
        {
            Forename = person.Forename,
            Surname = person.Surname,
            BirthDate = person.BirthDate,
            SexCode = person.Sex == Sex.Female ? 1 : 0,
            Address = person.Home,
            HasNi = person.HasNi,
            Ni = person.Ni,
            Reference = person.Reference,
        };
        if (earlier && person.EarlierSurname is not null)
        {
            id.Surname = person.EarlierSurname;
            id.Add(Variation.EarlierSurname);
        }

        if (earlier && person.EarlierHome is not null)
        {
            id.Address = person.EarlierHome;
            id.Add(Variation.EarlierAddress);
        }

        if (!rng.Chance(p.MiddleNamesOmitted))
        {
            id.Middle1 = person.Middle1;
            id.Middle2 = person.Middle2;
        }

        if (copy > 0 && p.Duplicates == DuplicateKind.Alias)
        {
            Aliases.Apply(ref id, person, _names, _dates, ref rng);
        }

        _names.Apply(ref id, person, ref rng);
        _dates.Apply(ref id, ref rng);
        VarySex(ref id, ref rng);
        VaryPostcode(ref id, ref rng);
        VaryNi(ref id, ref rng);
        KeepRequired(ref id, person);
        return id;
    }

    private void VarySex(ref RecordIdentity id, ref SplitMix rng)
    {
        if (rng.Chance(_profile.SexDiffers))
        {
            id.SexCode = 1 - id.SexCode;
            id.Add(Variation.SexDiffers);
        }
        else if (rng.Chance(_profile.SexUnknown))
        {
            // Some systems code "not known", others leave the field empty.
            id.SexCode = rng.Chance(0.4) ? 3 : 2;
            id.Add(Variation.SexUnknown);
        }
    }

    private void VaryPostcode(ref RecordIdentity id, ref SplitMix rng)
    {
        if (rng.Chance(_profile.PostcodeMissing))
        {
            id.Address = null;
            id.Variations = (id.Variations & ~Variation.EarlierAddress) | Variation.PostcodeMissing;
        }
        else if (rng.Chance(_profile.PostcodeTypo))
        {
            id.PostcodeTypo = true;
            id.Add(Variation.PostcodeTypo);
        }
    }

    private void VaryNi(ref RecordIdentity id, ref SplitMix rng)
    {
        var p = _profile;
        if (id.HasNi && rng.Chance(p.NiMissing))
        {
            id.HasNi = false;
            id.Add(Variation.NiMissing);
        }

        id.NiSpaced = rng.Chance(p.NiSpaced);
        if (!id.HasNi)
        {
            return;
        }

        if (rng.Chance(p.NiTransposed) && id.Ni.Transposed(ref rng) is { } transposed)
        {
            id.Ni = transposed;
            id.Add(Variation.NiTransposed);
        }
        else if (rng.Chance(p.NiTypo))
        {
            id.NiTypo = true;
            id.Add(Variation.NiTypo);
        }
    }

    private void KeepRequired(ref RecordIdentity id, in Person person)
    {
        var r = _required;
        if (id.Forename is null && r.Forename)
        {
            id.Forename = person.Forename;
            id.Variations &= ~Variation.ForenameMissing;
        }

        if (id.Surname is null && r.Surname)
        {
            id.Surname = person.Surname;
        }

        if (id.BirthDate is null && r.BirthDate)
        {
            id.BirthDate = person.BirthDate;
            id.Variations &= ~(Variation.BirthDateMissing | Variation.BirthDateDefaulted | Variation.BirthDateSlip | Variation.BirthYearOffByOne | Variation.BirthDayMonthSwapped);
        }

        if (id.Address is null && r.Address)
        {
            id.Address = person.Home;
            id.Variations &= ~(Variation.PostcodeMissing | Variation.EarlierAddress);
        }

        if (!id.HasNi && r.Ni)
        {
            id.HasNi = true;
            id.Variations &= ~Variation.NiMissing;
        }

        if (r.Sex && id.SexCode == 3)
        {
            id.SexCode = 2;
        }

        if (r.KnownSex && id.SexCode == 2)
        {
            id.SexCode = person.Sex == Sex.Female ? 1 : 0;
            id.Variations &= ~Variation.SexUnknown;
        }
    }
}
