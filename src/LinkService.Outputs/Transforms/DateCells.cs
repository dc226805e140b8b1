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

    public static DateOnly ParseFixed(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
