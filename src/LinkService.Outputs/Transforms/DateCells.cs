using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Outputs.Transforms;

/// <summary>Reads a date or datetime cell as validation accepted it (<see cref="WrittenDates"/>), as the date it was written with.</summary>
internal static class DateCells
{
    public static Func<string, DateOnly?> For(SchemaField field)
    {
        var formats = WrittenDates.Formats(field.Type, field.Format);
        return text => WrittenDates.Date(text, formats);
    }

    /// <summary>
    /// A datetime cell in ISO 8601 (<c>2021-06-30T23:30:00+02:00</c>), the time and offset as written and no offset
    /// where none was written; null where it does not read. Every layout a field may be written in leaves as one.
    /// </summary>
    public static Func<string, string?> IsoDateTimeFor(SchemaField field)
    {
        var formats = WrittenDates.Formats(field.Type, field.Format);
        return text =>
        {
            const DateTimeStyles Written = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
            if (!WrittenDates.TryRead(text, formats, Written, out DateTimeOffset at))
            {
                return null;
            }

            // Read again for whether an offset was written at all: one assumed would claim UTC for a local time.
            const DateTimeStyles Kind = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
            var zoned = WrittenDates.TryRead(text, formats, Kind, out DateTime asWritten) && asWritten.Kind != DateTimeKind.Unspecified;
            var local = at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            return zoned ? local + at.ToString("zzz", CultureInfo.InvariantCulture) : local;
        };
    }

    public static DateOnly ParseFixed(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
