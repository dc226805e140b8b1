using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Outputs.Transforms;

/// <summary>Reads a date or datetime cell as validation accepted it: ISO by default, or the field's strftime pattern.</summary>
internal static class DateCells
{
    private static readonly string[] IsoForms = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    public static Func<string, DateOnly?> For(SchemaField field)
    {
        if (field.Format is { } pattern and not ("default" or "any") && StrftimeFormat.TryToDotNet(pattern, out var format, out _))
        {
            return text => DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? DateOnly.FromDateTime(d) : null;
        }

        return field.Format == "any"
            ? text => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? DateOnly.FromDateTime(d) : null
            : text => DateTime.TryParseExact(text, IsoForms, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? DateOnly.FromDateTime(d) : null;
    }

    public static DateOnly ParseFixed(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
