using System.Collections;
using System.Reflection;
using LinkService.Configuration.Loading;

namespace LinkService.Settings;

/// <summary>
/// Checks the names of <c>LINKSERVICE_</c> environment variables: one naming no setting (a misspelt
/// <c>LINKSERVICE_LinkService__Folders__Wrok</c>) would be ignored without a word.
/// </summary>
internal static class EnvironmentSettings
{
    public static void Check(IDictionary variables, IReadOnlyList<SettingsSection> sections, ConfigErrors errors, ISet<string> flagged)
    {
        foreach (var name in variables.Keys.OfType<string>().Where(n => n.StartsWith(SettingsFiles.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var key = name[SettingsFiles.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            if (key.StartsWith(AppSettingsShape.SerilogKey + ":", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var section = sections.FirstOrDefault(s => key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase));
            var member = section is null ? null : key[(section.Key.Length + 1)..].Split(':')[0];
            if (section is null || section.OptionsType.GetProperty(member!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null)
            {
                errors.Add(name, "is not a setting LinkService reads (LINKSERVICE_ then the setting's path with '__' between its parts, e.g. LINKSERVICE_LinkService__Folders__Work)");
                if (section is not null)
                {
                    flagged.Add(section.Key);
                }
            }
        }
    }
}
