using System.Globalization;
using System.Text.RegularExpressions;

namespace LinkService.Configuration.Retention;

/// <summary>
/// How long something is kept, as an ISO-8601 duration of whole years, months, weeks and days (<c>P90D</c>, <c>P6M</c>,
/// <c>P7Y</c>, <c>P1Y6M</c>, <c>P12W</c>). Counted on the calendar from the moment it starts: <c>P1M</c> after 31 January is
/// 28 or 29 February, as a custodian reading an agreement would count it. Hours and minutes are refused: retention is agreed in days.
/// </summary>
public sealed partial record RetentionPeriod(int Years, int Months, int Days)
{
    /// <summary>The words a problem with a written period completes ("... must be ...").</summary>
    public const string Expected = "an ISO-8601 duration in years, months, weeks or days, such as \"P90D\", \"P6M\", \"P7Y\" or \"P1Y6M\"";

    /// <summary>The last moment the thing is kept: <paramref name="from"/> plus the period.</summary>
    public DateTimeOffset EndsAfter(DateTimeOffset from) => from.AddYears(Years).AddMonths(Months).AddDays(Days);

    public static RetentionPeriod? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true } || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success))
        {
            return null;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new RetentionPeriod(Part("y"), Part("m"), (Part("w") * 7) + Part("d"));
    }

    public override string ToString() => Years == 0 && Months == 0 && Days == 0
        ? "P0D"
        : string.Create(CultureInfo.InvariantCulture, $"P{(Years > 0 ? $"{Years}Y" : "")}{(Months > 0 ? $"{Months}M" : "")}{(Days > 0 ? $"{Days}D" : "")}");

    // At most four digits a part: a period of more than 9999 years is a typo, and the arithmetic stays in range.
    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
