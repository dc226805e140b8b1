using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;

namespace LinkService.Intake.Contract;

/// <summary>
/// A source's contract as a Frictionless Data Package: one tabular resource with the source's CSV dialect and its
/// Table Schema (without LinkService's own <c>linkage</c> roles), so any Frictionless tool can check an extract first.
/// </summary>
internal static partial class DataPackageJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(SourceDefinition source)
    {
        var schema = source.SchemaOrThrow;
        var resource = new JsonObject
        {
            ["name"] = ResourceName(source.Name),
            ["type"] = "table",
            ["profile"] = "tabular-data-resource",
            ["path"] = ContractNames.ExampleFile(source.FilePattern),
            ["scheme"] = "file",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = source.Dialect.Encoding.ToLowerInvariant(),
        };
        if (source.Compression == Compression.Gzip)
        {
            resource["compression"] = "gz";
        }

        resource["dialect"] = new JsonObject
        {
            ["delimiter"] = source.Dialect.Delimiter,
            ["quoteChar"] = source.Dialect.Quote,
            ["doubleQuote"] = true,
            ["header"] = source.Dialect.Header,
        };
        resource["schema"] = Schema(schema);
        var package = new JsonObject
        {
            ["name"] = ResourceName(source.Name),
            ["title"] = $"Deliveries of source '{source.Name}' to LinkService",
            ["description"] = source.Description,
            ["profile"] = "tabular-data-package",
            ["resources"] = new JsonArray(resource),
        };
        return package.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Schema(TableSchema schema)
    {
        var json = new JsonObject
        {
            ["fields"] = new JsonArray([.. schema.Fields.Select(Field)]),
            ["missingValues"] = new JsonArray([.. schema.MissingValues.Select(v => JsonValue.Create(v))]),
            ["fieldsMatch"] = schema.FieldsMatch.ToString().ToLowerInvariant(),
        };
        if (schema.PrimaryKey.Count > 0)
        {
            json["primaryKey"] = new JsonArray([.. schema.PrimaryKey.Select(k => JsonValue.Create(k))]);
        }

        return json;
    }

    private static JsonObject Field(SchemaField field)
    {
        var json = new JsonObject { ["name"] = field.Name, ["type"] = field.Type.ToString().ToLowerInvariant() };
        Add(json, "title", field.Title);
        Add(json, "description", field.Description);
        Add(json, "format", field.Format);
        Add(json, "decimalChar", field.DecimalChar);
        Add(json, "groupChar", field.GroupChar);
        if (field.BareNumber is { } bare)
        {
            json["bareNumber"] = bare;
        }

        AddList(json, "trueValues", field.TrueValues);
        AddList(json, "falseValues", field.FalseValues);
        AddList(json, "missingValues", field.MissingValues);
        if (field.Constraints is { } c)
        {
            json["constraints"] = Constraints(c);
        }

        return json;
    }

    private static JsonObject Constraints(FieldConstraints c)
    {
        var json = new JsonObject();
        if (c.Required)
        {
            json["required"] = true;
        }

        if (c.Unique)
        {
            json["unique"] = true;
        }

        if (c.MinLength is { } min)
        {
            json["minLength"] = min;
        }

        if (c.MaxLength is { } max)
        {
            json["maxLength"] = max;
        }

        if (c.Minimum is { } minimum)
        {
            json["minimum"] = JsonNode.Parse(minimum.GetRawText());
        }

        if (c.Maximum is { } maximum)
        {
            json["maximum"] = JsonNode.Parse(maximum.GetRawText());
        }

        Add(json, "pattern", c.Pattern);
        if (c.Enum is { } values)
        {
            json["enum"] = new JsonArray([.. values.Select(v => JsonNode.Parse(v.GetRawText()))]);
        }

        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void AddList(JsonObject json, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            json[name] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        }
    }

    /// <summary>Frictionless names are lower-case letters, digits and <c>-._</c>.</summary>
    private static string ResourceName(string source) => NotAllowed().Replace(source.ToLowerInvariant(), "-");

    [GeneratedRegex("[^a-z0-9._-]", RegexOptions.CultureInvariant)]
    private static partial Regex NotAllowed();
}
