using LinkService.Synth.Randomness;

namespace LinkService.Synth.Departments;

internal static class BirthDateSlips
{
    /// <summary>A birth date with one part off by one: the day, the month or the year.</summary>
    public static DateOnly Slip(DateOnly dob, ref SplitMix rng)
    {
        var sign = rng.Chance(0.5) ? 1 : -1;
        var part = rng.NextDouble();
        if (part < 0.4)
        {
            var day = Math.Clamp(dob.Day + sign, 1, DateTime.DaysInMonth(dob.Year, dob.Month));
            return new DateOnly(dob.Year, dob.Month, day == dob.Day ? dob.Day - sign : day);
        }

        if (part < 0.7)
        {
            var month = dob.Month + sign is < 1 or > 12 ? dob.Month - sign : dob.Month + sign;
            return new DateOnly(dob.Year, month, Math.Min(dob.Day, DateTime.DaysInMonth(dob.Year, month)));
        }

        var year = dob.Year + sign < 1900 ? dob.Year + 1 : dob.Year + sign;
        return new DateOnly(year, dob.Month, Math.Min(dob.Day, DateTime.DaysInMonth(year, dob.Month)));
    }
}
