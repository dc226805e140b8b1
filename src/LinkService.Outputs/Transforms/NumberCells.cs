using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Outputs.Transforms;

/// <summary>Reads a number cell as validation accepted it (the field's decimal and group characters, bare or not).</summary>
internal static class NumberCells
{
    public static Func<string, decimal?> For(SchemaField field)
    {
        var decimalChar = field.DecimalChar ?? ".";
        var groupChar = field.GroupChar;
        var bare = field.BareNumber ?? true;
        return text =>
        {
            var s = text.Trim();
            if (!bare)
            {
                s = s.Trim(s.Where(c => !char.IsAsciiDigit(c) && c is not ('-' or '+')).Except(decimalChar).ToArray());
            }

            if (!string.IsNullOrEmpty(groupChar))
            {
                s = s.Replace(groupChar, "", StringComparison.Ordinal);
            }

            s = s.Replace(decimalChar, ".", StringComparison.Ordinal);
            return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
        };
    }

    /// <summary>The plain invariant form an analyst's tools read: no group separators, '.' for decimals.</summary>
    public static string Format(decimal n) => n.ToString("0.############################", CultureInfo.InvariantCulture);
}
