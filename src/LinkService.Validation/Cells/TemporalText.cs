using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Validation.Cells;

/// <summary>Reads dates and datetimes in a field's format, as ticks for minimum and maximum checks.</summary>
internal sealed class TemporalText
{
    private readonly string[]? _formats;
    private readonly FixedDatePattern? _fixed;
    private readonly DateTimeStyles _styles;

    public TemporalText(FieldType type, string? format)
    {
        var isDate = type == FieldType.Date;
        _styles = isDate ? DateTimeStyles.None : DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        _formats = WrittenDates.Formats(type, format);
        if (format is "any")
        {
            Description = isDate ? "a date" : "a date and time";
            Expected = Description;
        }
        else if (format is null or "default")
        {
            _fixed = isDate ? FixedDatePattern.TryCreate("%Y-%m-%d") : null;
            Description = isDate ? "an ISO 8601 date (YYYY-MM-DD)" : "an ISO 8601 date and time (YYYY-MM-DDThh:mm:ss)";
            Expected = isDate ? "yyyy-mm-dd" : "yyyy-mm-ddThh:mm:ss";
        }
        else
        {
            _fixed = FixedDatePattern.TryCreate(format);
            Description = (isDate ? "a date" : "a date and time") + $" in the format {format}";
            Expected = DateShapes.Readable(format);
        }
    }

    public string Description { get; }

    /// <summary>The layout a value must have, as departments read it: "dd/mm/yyyy" (or "a date" for any layout).</summary>
    public string Expected { get; }

    public bool TryParse(ReadOnlySpan<char> cell, out long ticks)
    {
        if (_fixed is not null)
        {
            return _fixed.TryParse(cell, out ticks);
        }

        ticks = 0;
        var ok = WrittenDates.TryRead(cell, _formats, _styles, out DateTime value);
        if (ok)
        {
            ticks = value.Ticks;
        }

        return ok;
    }
}
