using System.Globalization;

namespace LinkService.Outputs.Transforms;

/// <summary>Whole years of age on a date, and the band of a given width they fall in ("30-39"; width 1 gives "30").</summary>
internal static class AgeBands
{
    /// <summary>Completed years: the birthday counts from its own day; someone born on 29 February turns a year older on 1 March in other years.</summary>
    public static int Age(DateOnly birth, DateOnly at)
    {
        var age = at.Year - birth.Year;
        return (at.Month, at.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }

    /// <summary>The band, or null when the date is after the day ages are taken at (no age to band).</summary>
    public static string? Band(DateOnly birth, DateOnly at, int width)
    {
        var age = Age(birth, at);
        if (age < 0)
        {
            return null;
        }

        var low = age / width * width;
        return width == 1
            ? low.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{low}-{low + width - 1}");
    }
}
