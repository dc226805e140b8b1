using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Schemas;

/// <summary>The checks on one schema field that need more than its JSON shape.</summary>
internal static class SchemaFieldRules
{
    private static readonly string[] StringFormats = ["default", "email", "uri", "uuid", "binary"];

    public static void Validate(SchemaField field, ConfigErrors errors, string path)
    {
        field.Linkage?.Validate(errors, $"{path}.linkage");
        if (field.Linkage is { IsCustom: true, Standardiser: { } kind } && CustomField.Standardisers.Contains(kind) && !StandardiserTypes.CanRead(kind, field.Type))
        {
            errors.Add($"{path}.linkage.standardiser", StandardiserTypes.Cannot(field, kind));
        }

        ValidateFormat(field, errors, path);

        var c = field.Constraints;
        if (c is null)
        {
            return;
        }

        var cPath = $"{path}.constraints";
        if (c.MinLength is < 0)
        {
            errors.Add($"{cPath}.minLength", "must not be negative");
        }

        if (c.MaxLength is < 0)
        {
            errors.Add($"{cPath}.maxLength", "must not be negative");
        }

        if (c.MinLength is { } min && c.MaxLength is { } max && min > max)
        {
            errors.Add($"{cPath}.maxLength", "is less than minLength: no value could pass");
        }

        if (c.Enum is { Count: 0 })
        {
            errors.Add($"{cPath}.enum", "is empty: no value could pass (leave it out to allow any value)");
        }

        if (c.Pattern is not null)
        {
            try
            {
                _ = new Regex(c.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{cPath}.pattern", $"is not a valid regular expression: {ex.Message}");
            }
        }

        var minimum = ValidateBound(field, c.Minimum, errors, $"{cPath}.minimum");
        var maximum = ValidateBound(field, c.Maximum, errors, $"{cPath}.maximum");
        if (minimum is not null && maximum is not null && minimum.CompareTo(maximum) > 0)
        {
            errors.Add($"{cPath}.maximum", "is less than minimum: no value could pass");
        }
    }

    private static void ValidateFormat(SchemaField field, ConfigErrors errors, string path)
    {
        if (field.Format is null || field.Format is "default")
        {
            return;
        }

        switch (field.Type)
        {
            case FieldType.Date or FieldType.Datetime:
                if (field.Format is not "any" && !StrftimeFormat.TryToDotNet(field.Format, out _, out var problem))
                {
                    errors.Add($"{path}.format", problem!);
                }

                break;
            case FieldType.String:
                if (!StringFormats.Contains(field.Format, StringComparer.Ordinal))
                {
                    errors.Add($"{path}.format", $"'{field.Format}' is not a string format (one of: {string.Join(", ", StringFormats)})");
                }

                break;
            default:
                errors.Add($"{path}.format", $"a {field.Type.ToString().ToLowerInvariant()} field takes no format");
                break;
        }
    }

    /// <summary>The bound, comparable with the field's other bound (a double, or UTC ticks for dates); null when absent or wrong.</summary>
    private static IComparable? ValidateBound(SchemaField field, JsonElement? bound, ConfigErrors errors, string path)
    {
        if (bound is not { } value)
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Integer or FieldType.Number or FieldType.Year:
                if (value.ValueKind == JsonValueKind.Number)
                {
                    return value.GetDouble();
                }

                errors.Add(path, $"must be a number for a {field.Type.ToString().ToLowerInvariant()} field");
                return null;
            case FieldType.Date or FieldType.Datetime:
                if (value.ValueKind == JsonValueKind.String && TemporalBound.TryParse(value.GetString(), out var ticks))
                {
                    return ticks;
                }

                errors.Add(path, "must be an ISO 8601 date string (yyyy-MM-dd, or yyyy-MM-ddThh:mm:ss), whatever the field's format");
                return null;
            default:
                errors.Add(path, $"a {field.Type.ToString().ToLowerInvariant()} field takes no minimum or maximum");
                return null;
        }
    }
}
