using System.Globalization;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// The layouts a date or datetime field's cells are written in, one list for every reader: validation accepts a cell
/// in them, and linkage and the output stages read the accepted cell back in them, so no cell validation accepted is
/// one the others cannot read. A field's strftime pattern, ISO 8601 by default, or any layout .NET reads ("any").
/// </summary>
public static class WrittenDates
{
    /// <summary>ISO 8601 dates and times as validation accepts them, with or without fractions of a second and an offset.</summary>
    public static readonly string[] IsoDateTimes =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>An ISO 8601 date, or any of <see cref="IsoDateTimes"/>.</summary>
    public static readonly string[] Iso = ["yyyy-MM-dd", .. IsoDateTimes];

    /// <summary>The exact .NET layouts of a field's cells; null for <c>any</c>, which takes whatever .NET reads.</summary>
    public static string[]? Formats(FieldType type, string? format) => format switch
    {
        "any" => null,
        null or "default" => type == FieldType.Date ? ["yyyy-MM-dd"] : IsoDateTimes,
        _ => StrftimeFormat.TryToDotNet(format, out var dotNet, out _) ? [dotNet] : ["yyyy-MM-dd"],
    };

    /// <summary>
    /// The calendar date a cell was written with. An offset, where one is written, is read but not applied: a
    /// department's "2020-01-01T02:00+05:00" is 1 January where it happened, and it stays 1 January on a server in UTC.
    /// </summary>
    public static DateOnly? Date(ReadOnlySpan<char> text, string[]? formats)
    {
        const DateTimeStyles Written = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        var ok = formats is null
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Written, out var written)
            : DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, Written, out written);
        return ok ? DateOnly.FromDateTime(written.DateTime) : null;
    }
}
