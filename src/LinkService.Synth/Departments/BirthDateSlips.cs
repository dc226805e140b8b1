using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

/// <summary>The ways a date of birth is mis-keyed or misread between two systems.</summary>
internal static class BirthDateSlips
{
    /// <summary>A birth date with the day or the month off by one.</summary>
    public static DateOnly Slip(DateOnly dob, ref SplitMix rng)
    {
        var sign = rng.Chance(0.5) ? 1 : -1;
        if (rng.Chance(0.55))
        {
            var day = Math.Clamp(dob.Day + sign, 1, DateTime.DaysInMonth(dob.Year, dob.Month));
            return new DateOnly(dob.Year, dob.Month, day == dob.Day ? dob.Day - sign : day);
        }

        var month = dob.Month + sign is < 1 or > 12 ? dob.Month - sign : dob.Month + sign;
        return new DateOnly(dob.Year, month, Math.Min(dob.Day, DateTime.DaysInMonth(dob.Year, month)));
    }

    /// <summary>The year one too many or too few, day and month kept; null for 29 February, which the other year lacks.</summary>
    public static DateOnly? YearOffByOne(DateOnly dob, ref SplitMix rng)
    {
        var year = rng.Chance(0.5) || dob.Year <= 1900 ? dob.Year + 1 : dob.Year - 1;
        return dob is { Month: 2, Day: 29 } ? null : new DateOnly(year, dob.Month, dob.Day);
    }

    /// <summary>Day and month read the other way round; null when that is no date (day over 12) or the same one.</summary>
    public static DateOnly? DayMonthSwapped(DateOnly dob) =>
        dob.Day <= 12 && dob.Day != dob.Month ? new DateOnly(dob.Year, dob.Day, dob.Month) : null;
}
