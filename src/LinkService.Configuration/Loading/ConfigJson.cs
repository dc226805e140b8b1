using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkService.Configuration.Loading;

/// <summary>The one set of JSON conventions for every configuration file.</summary>
public static class ConfigJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonNamingPolicy EnumNaming => JsonNamingPolicy.KebabCaseLower;

    public static string PropertyName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static string EnumName(Type enumType, string memberName)
    {
        var attribute = enumType.GetField(memberName)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>();
        return attribute?.Name ?? EnumNaming.ConvertName(memberName);
    }

    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumName(typeof(TEnum), value.ToString());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
