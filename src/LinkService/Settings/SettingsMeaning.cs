using System.Reflection;
using System.Text.RegularExpressions;
using LinkService.Configuration.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Options;

namespace LinkService.Settings;

/// <summary>
/// Binds each section from the settings as the host will read them (files and environment together) and runs
/// the validator the host runs at start: ranges, folders kept apart. Each problem names the file, or the
/// environment variable, that supplied the value, and its path there.
/// </summary>
internal static partial class SettingsMeaning
{
    public const string EnvironmentLabel = "environment";

    public static void Check(IConfigurationRoot configuration, IEnumerable<SettingsSection> sections, string configDirectory, ConfigErrors errors)
    {
        foreach (var section in sections)
        {
            ValidateOptionsResult result;
            try
            {
                result = section.BindAndValidate(configuration);
            }
            catch (InvalidOperationException ex)
            {
                // The binder names the key it could not convert ("... at 'LinkService:Intake:SweepInterval' to type ...").
                var key = BinderKey().Match(ex.Message) is { Success: true } m ? m.Groups["key"].Value : section.Key;
                var (file, path) = Locate(configuration, key, configDirectory);
                errors.ForFile(file).Add(path, $"cannot be read as {FriendlyType(ex.Message)}");
                continue;
            }

            foreach (var failure in result.Failures ?? [])
            {
                Add(configuration, section, failure, configDirectory, errors);
            }
        }
    }

    /// <summary>
    /// One validator failure, "Member: what is wrong" as DataAnnotations validators (and ours) write them, placed at
    /// the member's key; anything else at the section's.
    /// </summary>
    public static void Add(IConfigurationRoot configuration, SettingsSection section, string failure, string configDirectory, ConfigErrors errors)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        var member = colon > 0 ? section.OptionsType.GetProperty(failure[..colon], BindingFlags.Public | BindingFlags.Instance) : null;
        var key = member is null ? section.Key : $"{section.Key}:{member.Name}";
        var (file, path) = Locate(configuration, key, configDirectory);
        errors.ForFile(file).Add(path, member is null ? failure : failure[(colon + 2)..]);
    }

    /// <summary>Which source gave a key its value (the last that has it, as configuration reads them), and the key's path there.</summary>
    private static (string File, string Path) Locate(IConfigurationRoot configuration, string key, string configDirectory)
    {
        var provider = configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _) || p.GetChildKeys([], key).Any());
        return provider switch
        {
            EnvironmentVariablesConfigurationProvider => (EnvironmentLabel, SettingsFiles.EnvironmentVariable(key)),
            FileConfigurationProvider file => (ConfigCatalogLoader.FileLabel(configDirectory, file.Source.Path!), JsonPath(key)),

            // Not set anywhere: the default is at fault, and appsettings.json is where to change it.
            _ => (ConfigCatalogLoader.FileLabel(configDirectory, SettingsFiles.FileName), JsonPath(key)),
        };
    }

    private static string JsonPath(string key) => "$." + key.Replace(':', '.');

    private static string FriendlyType(string message) => message switch
    {
        _ when message.Contains("System.TimeSpan", StringComparison.Ordinal) => "a duration such as \"00:00:30\"",
        _ when message.Contains("System.Int", StringComparison.Ordinal) => "a whole number",
        _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ => "the kind of value it needs",
    };

    [GeneratedRegex(" at '(?<key>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex BinderKey();
}
