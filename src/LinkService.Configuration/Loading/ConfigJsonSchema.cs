using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinkService.Configuration.Loading;

/// <summary>
/// A JSON Schema (draft 2020-12) of a configuration class, written from the same classes and the same rules
/// (<see cref="JsonShapeChecker"/>, <see cref="JsonShape"/>) the loader binds with, so an editor checks a file while
/// it is typed exactly as <c>check-config</c> will, as far as its shape goes. Meaning (cross-file references, ranges)
/// stays with <c>check-config</c>.
/// </summary>
public static class ConfigJsonSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>A duration as the loader reads one: <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public const string DurationPattern = @"^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$";

    /// <summary>The schema of <paramref name="root"/>, its classes under <c>$defs</c>.</summary>
    public static JsonObject For(Type root, JsonShape shape, string title)
    {
        var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var schema = new JsonObject { ["$schema"] = Draft, ["title"] = title };
        foreach (var (name, value) in ObjectOf(root, shape, definitions))
        {
            schema[name] = value?.DeepClone();
        }

        if (definitions.Count > 0)
        {
            schema["$defs"] = new JsonObject(definitions.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value)));
        }

        return schema;
    }

    /// <summary>An object schema: its bound properties, those the class requires, nothing else allowed.</summary>
    public static JsonObject ObjectOf(Type type, JsonShape shape, IDictionary<string, JsonNode> definitions)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in JsonShapeChecker.BoundProperties(type).OrderBy(shape.PropertyName, StringComparer.Ordinal))
        {
            var name = shape.PropertyName(property);
            var nullable = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
            properties[name] = ValueOf(property.PropertyType, nullable, shape, definitions);
            if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject ValueOf(Type type, bool nullable, JsonShape shape, IDictionary<string, JsonNode> definitions)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            (type, nullable) = (underlying, true);
        }

        var value = NonNullValueOf(type, shape, definitions);
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(value, new JsonObject { ["type"] = "null" }) } : value;
    }

    private static JsonObject NonNullValueOf(Type type, JsonShape shape, IDictionary<string, JsonNode> definitions)
    {
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (type == typeof(TimeSpan))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = DurationPattern };
        }

        if (type == typeof(JsonElement))
        {
            return new JsonObject();
        }

        if (type.IsEnum)
        {
            return new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode?)ConfigJson.EnumName(type, n))]) };
        }

        if (JsonShapeChecker.DictionaryValueType(type) is { } valueType)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = NonNullValueOf(valueType, shape, definitions) };
        }

        if (JsonShapeChecker.ListItemType(type) is { } itemType)
        {
            return new JsonObject { ["type"] = "array", ["items"] = NonNullValueOf(itemType, shape, definitions) };
        }

        if (!definitions.ContainsKey(type.Name))
        {
            definitions[type.Name] = new JsonObject();
            definitions[type.Name] = ObjectOf(type, shape, definitions);
        }

        return new JsonObject { ["$ref"] = "#/$defs/" + type.Name };
    }
}
