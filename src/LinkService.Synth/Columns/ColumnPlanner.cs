using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Synth.Writing;

namespace LinkService.Synth.Columns;

/// <summary>Turns a Table Schema into columns, by each field's linkage role, canonical field, type and constraints.</summary>
internal static class ColumnPlanner
{
    public static IReadOnlyList<Column> For(TableSchema schema)
    {
        var hasMiddleNames = schema.IdentifiersFeeding(CanonicalField.MiddleNames).Any();
        return [.. schema.Fields.Select(f => ColumnFor(schema, f, hasMiddleNames))];
    }

    private static Column ColumnFor(TableSchema schema, SchemaField field, bool hasMiddleNames)
    {
        var c = field.Constraints;
        var missing = field.MissingValues ?? schema.MissingValues;
        var kind = KindOf(field, hasMiddleNames);
        return new Column
        {
            Name = field.Name,
            Kind = kind,
            MaxLength = c?.MaxLength ?? 0,
            Required = c?.Required == true,
            Missing = missing.Contains("") || missing.Count == 0 ? "" : missing[0],
            Dates = field.Type is FieldType.Date or FieldType.Datetime ? DateFormatter.For(field) : null,
            Values = kind == ColumnKind.Sex ? SexCodes(c?.Enum) : EnumValues(c?.Enum),
            Minimum = Number(c?.Minimum),
            Maximum = Number(c?.Maximum),
            EarliestDate = Date(c?.Minimum),
            LatestDate = Date(c?.Maximum),
            Code = kind == ColumnKind.Text ? KeyFormat.FromPattern(c?.Pattern, 0) : null,
            Pattern = field.Role == LinkageRole.Identifier && c?.Pattern is { } pattern
                ? new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                : null,
        };
    }

    private static ColumnKind KindOf(SchemaField field, bool hasMiddleNames)
    {
        if (field.Role == LinkageRole.Key)
        {
            return ColumnKind.Key;
        }

        if (field.Role == LinkageRole.Identifier)
        {
            return field.Linkage!.Canonical switch
            {
                CanonicalField.Forename => hasMiddleNames ? ColumnKind.Forename : ColumnKind.AllForenames,
                CanonicalField.MiddleNames => ColumnKind.MiddleNames,
                CanonicalField.Surname => ColumnKind.Surname,
                CanonicalField.FullName => ColumnKind.FullName,
                CanonicalField.DateOfBirth => ColumnKind.DateOfBirth,
                CanonicalField.Sex => ColumnKind.Sex,
                CanonicalField.Postcode => ColumnKind.Postcode,
                CanonicalField.AddressLine => ColumnKind.AddressLine,
                CanonicalField.Locality => ColumnKind.Locality,
                CanonicalField.NationalInsuranceNumber => ColumnKind.NiNumber,
                _ => field.Linkage.Standardiser switch
                {
                    // A field of the custodian's own, written as what its standardiser reads.
                    StandardiseAs.Email => ColumnKind.Email,
                    StandardiseAs.Phone => ColumnKind.Phone,
                    StandardiseAs.Address => ColumnKind.AddressLine,
                    _ => ColumnKind.ReferenceNumber,
                },
            };
        }

        if (field.Constraints?.Enum is { Count: > 0 })
        {
            return ColumnKind.Enum;
        }

        return field.Type switch
        {
            FieldType.Integer => ColumnKind.Integer,
            FieldType.Number => ColumnKind.Number,
            FieldType.Date => ColumnKind.Date,
            FieldType.Datetime => ColumnKind.DateTime,
            FieldType.Boolean => ColumnKind.Boolean,
            FieldType.Year => ColumnKind.Year,
            _ => ColumnKind.Text,
        };
    }

    /// <summary>The codes for male, female and unknown, matched by first letter (M/F/U, Male/Female/Not known).</summary>
    private static string?[] SexCodes(IReadOnlyList<JsonElement>? values)
    {
        if (values is not { Count: > 0 })
        {
            return ["M", "F", "U"];
        }

        var codes = EnumValues(values);
        string? Starting(params char[] letters) =>
            codes.FirstOrDefault(v => v is { Length: > 0 } && letters.Contains(char.ToUpperInvariant(v[0])));
        return [Starting('M'), Starting('F'), Starting('U', 'N', 'X', 'O', '9', '0')];
    }

    private static string?[] EnumValues(IReadOnlyList<JsonElement>? values) =>
        values is null ? [] : [.. values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())];

    private static double? Number(JsonElement? bound) =>
        bound is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static DateOnly? Date(JsonElement? bound) =>
        bound is { ValueKind: JsonValueKind.String } value
        && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? DateOnly.FromDateTime(date)
            : null;
}
