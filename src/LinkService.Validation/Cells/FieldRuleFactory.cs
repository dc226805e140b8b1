using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Configuration.Schemas;

namespace LinkService.Validation.Cells;

/// <summary>Compiles a schema's fields into <see cref="FieldRule"/>s once per check.</summary>
internal static class FieldRuleFactory
{
    public static FieldRule Create(TableSchema schema, SchemaField field, bool isPrimaryKeyPart, TimeSpan patternTimeout)
    {
        var c = field.Constraints;
        var typeCheck = new CellTypeCheck(field);
        var temporal = field.Type is FieldType.Date or FieldType.Datetime;
        var plain = field.Type == FieldType.String && field.Format is null or "default" && !isPrimaryKeyPart
            && c is null or { Required: false, Unique: false, MinLength: null, MaxLength: null, Pattern: null, Enum: null, Minimum: null, Maximum: null };
        return new FieldRule
        {
            Field = field,
            HasChecks = !plain,
            MissingValues = new StringSet(field.MissingValues ?? schema.MissingValues),
            TypeCheck = typeCheck,

            // Table Schema: the fields of a primary key are required.
            Required = (c?.Required ?? false) || isPrimaryKeyPart,
            MinLength = c?.MinLength,
            MaxLength = c?.MaxLength,
            Pattern = c?.Pattern is { } pattern
                ? new Regex($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant | RegexOptions.Compiled, patternTimeout)
                : null,
            FixedPattern = c?.Pattern is { } shape ? FixedShapePattern.TryCreate(shape) : null,
            Enum = c?.Enum is { } values ? new StringSet(values.Select(EnumText)) : null,
            EnumValues = c?.Enum is { } listed ? [.. listed.Select(EnumText)] : [],
            MinimumNumber = Number(c?.Minimum),
            MaximumNumber = Number(c?.Maximum),
            MinimumTicks = Ticks(c?.Minimum, temporal),
            MaximumTicks = Ticks(c?.Maximum, temporal),
        };
    }

    /// <summary>Enum values as they appear in the file: strings as written, numbers and booleans as their JSON text.</summary>
    public static string EnumText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static double? Number(JsonElement? bound) =>
        bound is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static long? Ticks(JsonElement? bound, bool temporal) =>
        temporal && bound is { ValueKind: JsonValueKind.String } value && TemporalBound.TryParse(value.GetString(), out var ticks)
            ? ticks
            : null;

    public static string BoundText(JsonElement? bound) =>
        bound is { } value ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()) : "";

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
