using System.Collections;
using LinkService.Configuration.Loading;
using Microsoft.Extensions.Configuration;

namespace LinkService.Settings;

/// <summary>
/// Every problem in the service's settings at once, each with its file (or environment variable) and path: the
/// keys and kinds of value in each settings file, then what the sections mean once bound, as the host binds them.
/// Every command runs it before it builds a host, so that <c>run</c> and <c>check-config</c> report the same.
/// </summary>
internal static class AppSettingsCheck
{
    public static IReadOnlyList<ConfigError> Run(string configDirectory, string workingDirectory, string environment, IDictionary environmentVariables)
    {
        var errors = new ConfigErrors(ConfigCatalogLoader.FileLabel(configDirectory, SettingsFiles.FileName));
        var sections = SettingsSections.All(workingDirectory, configDirectory);
        var flagged = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var readable = true;
        foreach (var (file, optional) in new[] { (SettingsFiles.FileName, false), (SettingsFiles.EnvironmentFileName(environment), true) })
        {
            var path = Path.Combine(configDirectory, file);
            var fileErrors = errors.ForFile(ConfigCatalogLoader.FileLabel(configDirectory, file));
            if (!File.Exists(path))
            {
                if (!optional)
                {
                    fileErrors.Add("$", "the file is missing");
                    readable = false;
                }

                continue;
            }

            using var document = ConfigJsonFile.Parse(path, fileErrors);
            if (document is null)
            {
                readable = false;
                continue;
            }

            AppSettingsShape.Check(document.RootElement, sections, fileErrors, flagged);
        }

        EnvironmentSettings.Check(environmentVariables, sections, errors.ForFile(SettingsMeaning.EnvironmentLabel), flagged);

        // A section whose keys or kinds are wrong would only be reported a second time, less clearly, by its binder.
        if (readable && Build(configDirectory, environment, errors) is { } configuration)
        {
            SettingsMeaning.Check(configuration, sections.Where(s => !flagged.Contains(s.Key)), configDirectory, errors);
        }

        return errors.All;
    }

    private static IConfigurationRoot? Build(string configDirectory, string environment, ConfigErrors errors)
    {
        var builder = new ConfigurationBuilder();
        SettingsFiles.AddTo(builder, configDirectory, environment);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            // The JSON provider refuses keys that differ only in case, which the shape check has reported already.
            if (!errors.Any)
            {
                errors.Add("$", ex.Message);
            }

            return null;
        }
    }
}
