using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>
/// The ways a department records a date of birth differently: day and month swapped (where its format
/// writes them first), the year off by one, the day or month off by one, only the year, or none.
/// </summary>
internal sealed class BirthDateVariation
{
    private readonly DepartmentProfile _profile;
    private readonly bool _dayMonthAmbiguous;

    /// <param name="dayMonthAmbiguous">Whether the source writes dates of birth day and month first, so they can be read the other way round.</param>
    public BirthDateVariation(DepartmentProfile profile, bool dayMonthAmbiguous)
    {
        _profile = profile;
        _dayMonthAmbiguous = dayMonthAmbiguous;
    }

    public void Apply(ref RecordIdentity id, ref SplitMix rng)
    {
        var p = _profile;
        if (id.BirthDate is not { } dob)
        {
            return;
        }

        if (dob.Day <= 12 && rng.Chance(p.DayMonthTransposed))
        {
            TrySwapDayAndMonth(ref id);
        }
        else if (rng.Chance(p.BirthYearOffByOne))
        {
            TryYearOffByOne(ref id, ref rng);
        }
        else if (rng.Chance(p.BirthDateSlip))
        {
            id.BirthDate = BirthDateSlips.Slip(dob, ref rng);
            id.Add(Variation.BirthDateSlip);
        }

        if (rng.Chance(p.BirthDateDefaulted) && id.BirthDate is { } known)
        {
            id.BirthDate = new DateOnly(known.Year, 1, 1);
            id.Add(Variation.BirthDateDefaulted);
        }

        if (rng.Chance(p.BirthDateMissing))
        {
            id.BirthDate = null;
            id.Add(Variation.BirthDateMissing);
        }
    }

    /// <summary>Day and month read the other way round, where the source's date format allows it.</summary>
    public bool TrySwapDayAndMonth(ref RecordIdentity id)
    {
        if (_dayMonthAmbiguous && id.BirthDate is { } dob && BirthDateSlips.DayMonthSwapped(dob) is { } swapped)
        {
            id.BirthDate = swapped;
            id.Add(Variation.BirthDayMonthSwapped);
            return true;
        }

        return false;
    }

    /// <summary>The year of birth off by one; false for 29 February.</summary>
    public static bool TryYearOffByOne(ref RecordIdentity id, ref SplitMix rng)
    {
        if (id.BirthDate is { } dob && BirthDateSlips.YearOffByOne(dob, ref rng) is { } other)
        {
            id.BirthDate = other;
            id.Add(Variation.BirthYearOffByOne);
            return true;
        }

        return false;
    }
}
