using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkService.Configuration.Loading;

/// <summary>
/// Walks a JSON document against the configuration type it should bind to and records every
/// unknown property, missing required property and wrong kind of value, with its JSON path.
/// System.Text.Json stops at the first problem; a custodian should see them all at once.
/// </summary>
public static class JsonShapeChecker
{
    // NullabilityInfoContext is not thread-safe, and configuration is loaded concurrently (a command beside
    // the service, tests in parallel): the answers are cached per property instead, each worked out alone.
    private static readonly ConcurrentDictionary<PropertyInfo, bool> NullableProperties = new();

    public static void Check(JsonElement element, Type type, ConfigErrors errors, string path) =>
        Check(element, type, JsonShape.ConfigFiles, errors, path);

    public static void Check(JsonElement element, Type type, JsonShape shape, ConfigErrors errors, string path) =>
        CheckValue(element, type, nullable: false, shape, errors, path);

    private static void CheckValue(JsonElement element, Type type, bool nullable, JsonShape shape, ConfigErrors errors, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            type = underlying;
            nullable = true;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                errors.Add(path, "must not be null");
            }

            return;
        }

        if (type == typeof(JsonElement))
        {
            return;
        }

        if (type == typeof(string))
        {
            Expect(element, JsonValueKind.String, "a string", errors, path);
        }
        else if (type == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(path, $"must be true or false, not {Describe(element)}");
            }
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var n) || (type == typeof(int) && n is < int.MinValue or > int.MaxValue))
            {
                errors.Add(path, $"must be a whole number, not {Describe(element)}");
            }
        }
        else if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            Expect(element, JsonValueKind.Number, "a number", errors, path);
        }
        else if (type == typeof(TimeSpan))
        {
            if (element.ValueKind != JsonValueKind.String || !TimeSpan.TryParseExact(element.GetString(), "c", CultureInfo.InvariantCulture, out _))
            {
                errors.Add(path, $"must be a duration string such as \"00:00:30\" (hh:mm:ss), not {Describe(element)}");
            }
        }
        else if (type.IsEnum)
        {
            CheckEnum(element, type, errors, path);
        }
        else if (DictionaryValueType(type) is { } valueType)
        {
            if (Expect(element, JsonValueKind.Object, "an object", errors, path))
            {
                var keys = new Dictionary<string, string>(shape.Keys);
                foreach (var property in element.EnumerateObject())
                {
                    if (IsRepeated(property, keys, errors, path))
                    {
                        continue;
                    }

                    CheckValue(property.Value, valueType, nullable: false, shape, errors, $"{path}.{property.Name}");
                }
            }
        }
        else if (ListItemType(type) is { } itemType)
        {
            if (Expect(element, JsonValueKind.Array, "an array", errors, path))
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckValue(item, itemType, nullable: false, shape, errors, $"{path}[{i++}]");
                }
            }
        }
        else if (type.IsClass)
        {
            CheckObject(element, type, shape, errors, path);
        }
    }

    private static void CheckObject(JsonElement element, Type type, JsonShape shape, ConfigErrors errors, string path)
    {
        if (!Expect(element, JsonValueKind.Object, "an object", errors, path))
        {
            return;
        }

        var properties = BoundProperties(type).ToDictionary(shape.PropertyName, shape.Keys);

        var present = new Dictionary<string, string>(shape.Keys);
        foreach (var member in element.EnumerateObject())
        {
            if (IsRepeated(member, present, errors, path))
            {
                continue;
            }

            if (!properties.TryGetValue(member.Name, out var property))
            {
                var near = NearestName.Find(member.Name, properties.Keys);
                var hint = near is not null ? $"; did you mean '{near}'?" : $" (known: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))})";
                errors.Add($"{path}.{member.Name}", "is not a known property" + hint);
                continue;
            }

            var nullable = NullableProperties.GetOrAdd(property, p => new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);
            CheckValue(member.Value, property.PropertyType, nullable, shape, errors, $"{path}.{member.Name}");
        }

        foreach (var (name, property) in properties)
        {
            if (!present.ContainsKey(name) && property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            {
                errors.Add($"{path}.{name}", "is required");
            }
        }
    }

    /// <summary>
    /// System.Text.Json lets the last of a repeated property win without a word, so a custodian who writes a
    /// limit twice would silently get the second: a repeat is an error of its own. Where keys match in any case
    /// (appsettings.json), 'Work' and 'work' are such a repeat too.
    /// </summary>
    public static bool IsRepeated(JsonProperty member, Dictionary<string, string> seen, ConfigErrors errors, string path)
    {
        if (seen.TryAdd(member.Name, member.Name))
        {
            return false;
        }

        var first = seen[member.Name];
        errors.Add(
            $"{path}.{member.Name}",
            first == member.Name ? "is given more than once" : $"differs from '{first}' only in case; they are read as one setting, the last one winning");
        return true;
    }

    private static void CheckEnum(JsonElement element, Type type, ConfigErrors errors, string path)
    {
        var names = Enum.GetNames(type).Select(n => ConfigJson.EnumName(type, n)).ToList();
        if (element.ValueKind != JsonValueKind.String || !names.Contains(element.GetString()!, StringComparer.Ordinal))
        {
            var hint = element.ValueKind == JsonValueKind.String ? NearestName.Hint(element.GetString()!, names) : "";
            errors.Add(path, $"must be one of {string.Join(", ", names.Select(n => $"'{n}'"))}, not {Describe(element)}{hint}");
        }
    }

    public static bool Expect(JsonElement element, JsonValueKind kind, string what, ConfigErrors errors, string path)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        errors.Add(path, $"must be {what}, not {Describe(element)}");
        return false;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>The properties a file can set on <paramref name="type"/>: public, writable, not ignored.</summary>
    public static IEnumerable<PropertyInfo> BoundProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.CanWrite && p.GetIndexParameters().Length == 0);

    internal static Type? ListItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }

    internal static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
            ? type.GetGenericArguments()[1]
            : null;
    }
}
