using System.Reflection;

namespace LinkService.Configuration.Loading;

/// <summary>
/// How a kind of configuration file names its properties. Sources, schemas and projects are read by
/// System.Text.Json: camelCase, matched exactly. appsettings.json is read by Microsoft.Extensions.Configuration:
/// the C# names, matched in any case, so two keys differing only in case silently become one.
/// </summary>
public sealed record JsonShape(Func<PropertyInfo, string> PropertyName, StringComparer Keys)
{
    public static JsonShape ConfigFiles { get; } = new(ConfigJson.PropertyName, StringComparer.Ordinal);

    public static JsonShape AppSettings { get; } = new(p => p.Name, StringComparer.OrdinalIgnoreCase);
}
