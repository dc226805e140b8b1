using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;

namespace LinkService.Synth.Tests.Support;

/// <summary>
/// A small, independent reader and checker for the tests: splits a delivered file into rows by its
/// dialect and checks each cell against its schema field (required, enum, pattern, maxLength,
/// bounds, date format, unique). Not the validation project: a second opinion.
/// </summary>
public static class ExtractChecker
{
    public static List<string[]> ReadRows(SourceDefinition source, string path)
    {
        var text = File.ReadAllText(path, DeliveryText.EncodingOf(source.Dialect));
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        char delimiter = source.Dialect.Delimiter[0], quote = source.Dialect.Quote[0];
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == quote && i + 1 < text.Length && text[i + 1] == quote)
                {
                    cell.Append(quote);
                    i++;
                }
                else if (ch == quote)
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == quote)
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        return rows;
    }

    /// <summary>Every problem in the data rows (header excluded), as "row N, field F: what".</summary>
    public static List<string> Problems(TableSchema schema, IReadOnlyList<string[]> rows)
    {
        var problems = new List<string>();
        var seen = schema.Fields.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != schema.Fields.Count)
            {
                problems.Add($"row {r}: {rows[r].Length} cells, expected {schema.Fields.Count}");
                continue;
            }

            for (var f = 0; f < schema.Fields.Count; f++)
            {
                var field = schema.Fields[f];
                var problem = Check(schema, field, rows[r][f], seen[f]);
                if (problem is not null)
                {
                    problems.Add($"row {r}, field {field.Name}: {problem}");
                }
            }
        }

        return problems;
    }

    private static string? Check(TableSchema schema, SchemaField field, string value, HashSet<string> seen)
    {
        var c = field.Constraints;
        if ((field.MissingValues ?? schema.MissingValues).Contains(value))
        {
            return c?.Required == true ? "required but missing" : null;
        }

        if (c?.Unique == true && !seen.Add(value))
        {
            return "duplicate value";
        }

        if (c?.MaxLength is { } max && value.Length > max)
        {
            return "too long";
        }

        if (c?.Pattern is { } pattern && !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "does not match pattern";
        }

        if (c?.Enum is { } values && !values.Any(v => v.ToString() == value))
        {
            return "not in enum";
        }

        switch (field.Type)
        {
            case FieldType.Integer:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? Bounds(c, i) : "not an integer";
            case FieldType.Number:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Bounds(c, d) : "not a number";
            case FieldType.Date:
                StrftimeFormat.TryToDotNet(field.Format is null or "default" ? "%Y-%m-%d" : field.Format, out var format, out _);
                if (!DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return "not a date in the field's format";
                }

                return c?.Minimum is { } min && date < DateOnly.Parse(min.GetString()!, CultureInfo.InvariantCulture) ? "before minimum" : null;
            default:
                return null;
        }
    }

    private static string? Bounds(FieldConstraints? c, double value) =>
        c?.Minimum is { ValueKind: JsonValueKind.Number } min && value < min.GetDouble() ? "below minimum"
        : c?.Maximum is { ValueKind: JsonValueKind.Number } max && value > max.GetDouble() ? "above maximum"
        : null;
}
