using System.Globalization;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// The minimum or maximum of a date or datetime field, read in ISO 8601 form only, whatever the field's own
/// format: a lenient parse would take "01/02/1990" under a <c>%d/%m/%Y</c> field as 2 January.
/// </summary>
public static class TemporalBound
{
    /// <summary>The bound as UTC ticks (a date's ticks are its midnight, as cells of a date field read).</summary>
    public static bool TryParse(string? text, out long ticks)
    {
        var ok = DateTime.TryParseExact(text, WrittenDates.Iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value);
        ticks = ok ? value.Ticks : 0;
        return ok;
    }
}
