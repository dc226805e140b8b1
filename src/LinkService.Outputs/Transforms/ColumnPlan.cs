using System.Globalization;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Standardisation;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Transforms;

/// <summary>
/// One chosen column, compiled: the schema field it reads (and the date column an age is taken at), the function
/// from the delivered cell to the output cell (null for missing), and how the package describes the result.
/// </summary>
internal sealed class ColumnPlan
{
    private readonly Func<string?, string?, string?> _apply;

    private ColumnPlan(SchemaField field, SchemaField? at, OutputColumn column, Func<string?, string?, string?> apply)
    {
        Field = field;
        At = at;
        Column = column;
        _apply = apply;
    }

    public SchemaField Field { get; }

    /// <summary>The date column an age is taken at, row by row; null otherwise.</summary>
    public SchemaField? At { get; }

    public OutputColumn Column { get; }

    /// <summary>True where the output is free text, which spreadsheets might read as a formula.</summary>
    public bool IsText => Column.Type == "string";

    /// <param name="value">The field's cell, null where missing.</param>
    /// <param name="at">The at-column's cell, null where missing or not used.</param>
    public string? Apply(string? value, string? at) => value is null ? null : _apply(value, at);

    public static ColumnPlan Create(OutputColumnSpec spec, TableSchema schema)
    {
        var field = schema.FindField(spec.Column) ?? throw new InvalidOperationException($"Schema '{schema.Name}' has no field '{spec.Column}'.");
        var at = spec.AtColumn is { } atName ? schema.FindField(atName) : null;
        var about = field.Title ?? field.Name;
        (string Type, string Description, Func<string?, string?, string?> Apply) made = spec.Transform switch
        {
            ColumnTransform.Keep => Keep(field, about),
            ColumnTransform.YearOfBirth => Dated(field, "year", $"Year of {about}.", d => Year(d)),
            ColumnTransform.Year => Dated(field, "year", $"{about}: the year only.", d => Year(d)),
            ColumnTransform.Month => Dated(field, "yearmonth", $"{about}: the year and month only (yyyy-MM).", d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ColumnTransform.AgeBand => AgeBand(spec, field, at, about),
            ColumnTransform.PostcodeDistrict => ("string", $"{about}: the postcode district (outward code) only.", (v, _) => PostcodeParts.Normalise(v!) is { } p ? PostcodeParts.District(p) : null),
            ColumnTransform.PostcodeSector => ("string", $"{about}: the postcode sector (outward code and first digit of the inward code) only.", (v, _) => PostcodeParts.Normalise(v!) is { } p ? PostcodeParts.Sector(p) : null),
            ColumnTransform.TopCode => TopCode(spec.Maximum!.Value, field, about),
            ColumnTransform.Category => Category(spec, field, about),
            _ => throw new InvalidOperationException($"Transform '{ConfigJson.EnumName(spec.Transform)}' has no plan."),
        };
        return new ColumnPlan(field, at, new OutputColumn(spec.OutputName, made.Type, made.Description + " Blank where missing."), made.Apply);
    }

    private static string Year(DateOnly d) => d.Year.ToString("D4", CultureInfo.InvariantCulture);

    private static (string, string, Func<string?, string?, string?>) Keep(SchemaField field, string about)
    {
        var description = field.Description is { } d ? $"{about}: {d}" : about + ".";
        switch (field.Type)
        {
            case FieldType.Date:
                return Dated(field, "date", description, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case FieldType.Datetime:
                // Every cell validation accepted reads in the field's layouts; one that somehow did not is kept as written, never blanked.
                var iso = DateCells.IsoDateTimeFor(field);
                return ("datetime", description, (v, _) => iso(v!) ?? v);
            case FieldType.Integer or FieldType.Number:
                var number = NumberCells.For(field);
                return (ConfigJson.EnumName(field.Type), description, (v, _) => number(v!));
            case FieldType.Boolean:
                var yes = field.TrueValues ?? ["true", "True", "TRUE", "1"];
                return ("boolean", description, (v, _) => yes.Contains(v!, StringComparer.Ordinal) ? "true" : "false");
            default:
                return (field.Type == FieldType.String ? "string" : ConfigJson.EnumName(field.Type), description, (v, _) => v);
        }
    }

    private static (string, string, Func<string?, string?, string?>) Category(OutputColumnSpec spec, SchemaField field, string about)
    {
        var groups = spec.Groups!;
        var (_, _, shown) = Keep(field, about);
        var description = $"{about}, in groups ({string.Join(", ", groups.Values.Append(spec.Default!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}).";

        // A value as written, or as keep shows it: a boolean's TRUE and 1 are both true, an integer written +5 is 5.
        return ("string", description, (v, _) => groups.TryGetValue(v!, out var g) || (shown(v, null) is { } s && groups.TryGetValue(s, out g)) ? g : spec.Default);
    }

    private static (string, string, Func<string?, string?, string?>) Dated(SchemaField field, string type, string description, Func<DateOnly, string> show)
    {
        var read = DateCells.For(field);
        return (type, description, (v, _) => read(v!) is { } d ? show(d) : null);
    }

    private static (string, string, Func<string?, string?, string?>) AgeBand(OutputColumnSpec spec, SchemaField field, SchemaField? atField, string about)
    {
        var width = spec.BandWidth!.Value;
        var read = DateCells.For(field);
        var bands = width == 1 ? "whole years" : string.Create(CultureInfo.InvariantCulture, $"bands of {width} years");
        if (atField is null)
        {
            var fixedAt = DateCells.ParseFixed(spec.AtDate!);
            return ("string", $"Age in {bands} on {spec.AtDate}, from {about}.", (v, _) => read(v!) is { } d ? AgeBands.Band(d, fixedAt, width) : null);
        }

        var readAt = DateCells.For(atField);
        return ("string", $"Age in {bands} on the row's {atField.Title ?? atField.Name}, from {about}.",
            (v, a) => a is not null && read(v!) is { } d && readAt(a) is { } on ? AgeBands.Band(d, on, width) : null);
    }

    private static (string, string, Func<string?, string?, string?>) TopCode(decimal maximum, SchemaField field, string about)
    {
        var capped = NumberCells.TopCoded(field, maximum);
        var shown = NumberCells.Format(maximum);
        return (ConfigJson.EnumName(field.Type), $"{about}, top-coded: values above {shown} are shown as {shown}.", (v, _) => capped(v!));
    }
}
