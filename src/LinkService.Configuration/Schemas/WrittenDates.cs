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
        return TryRead(text, formats, Written, out DateTimeOffset written) ? DateOnly.FromDateTime(written.DateTime) : null;
    }

    /// <summary>A cell in the field's layouts (<see cref="Formats"/>; null: any layout .NET reads that holds a year).</summary>
    public static bool TryRead(ReadOnlySpan<char> text, string[]? formats, DateTimeStyles styles, out DateTimeOffset value)
    {
        if (formats is not null)
        {
            return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, styles, out value);
        }

        // Year 1 is a year written so, or one the yearless calendar gave: the clock's reading tells which (see Yearless).
        return (DateTimeOffset.TryParse(text, Yearless, styles, out value) && value.Year != 1)
            || (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value) && value.Year == 1);
    }

    /// <inheritdoc cref="TryRead(ReadOnlySpan{char}, string[], DateTimeStyles, out DateTimeOffset)"/>
    public static bool TryRead(ReadOnlySpan<char> text, string[]? formats, DateTimeStyles styles, out DateTime value)
    {
        if (formats is not null)
        {
            return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, styles, out value);
        }

        return (DateTime.TryParse(text, Yearless, styles, out value) && value.Year != 1)
            || (DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out value) && value.Year == 1);
    }

    /// <summary>
    /// The invariant culture, but a cell with no year ("Jan 5", "12/25", or a time alone, "10:30") falls in year 1,
    /// where .NET gives it the year of the day it is read: validation, linkage and the outputs would each have dated it
    /// by their own day, none of them the department's. "any" refuses such a cell. A year 1 the invariant culture reads
    /// too was written so ("0001-01-01 10:15").
    /// </summary>
    private static readonly CultureInfo Yearless = YearlessCulture();

    private static CultureInfo YearlessCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar = new YearlessCalendar();
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>The Gregorian calendar, but "this year" (what .NET gives a cell without one) is year 1.</summary>
    private sealed class YearlessCalendar : GregorianCalendar
    {
        public override int GetYear(DateTime time) => 1;
    }
}
