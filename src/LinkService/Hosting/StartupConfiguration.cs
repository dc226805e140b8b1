using LinkService.Configuration;
using LinkService.Configuration.Loading;
using LinkService.Settings;

namespace LinkService.Hosting;

/// <summary>
/// Everything read from a configuration folder before a host is built: the catalog of sources, schemas
/// and projects, and the service's settings, checked. Every problem is collected, none thrown. Relative
/// folders in the settings resolve against the current directory, as the host resolves them.
/// </summary>
internal sealed class StartupConfiguration
{
    private StartupConfiguration(string directory, ConfigCatalog? catalog, IReadOnlyList<string> problems)
    {
        Directory = directory;
        Catalog = catalog;
        Problems = problems;
    }

    public string Directory { get; }

    public ConfigCatalog? Catalog { get; }

    public IReadOnlyList<string> Problems { get; }

    public static StartupConfiguration Load(string configDirectory)
    {
        var directory = Path.GetFullPath(configDirectory);
        var problems = new List<string>();
        if (!System.IO.Directory.Exists(directory))
        {
            problems.Add($"{directory}: the configuration folder does not exist (pass --config DIR)");
            return new StartupConfiguration(directory, null, problems);
        }

        problems.AddRange(AppSettingsCheck.Run(directory, Environment.CurrentDirectory, SettingsFiles.CurrentEnvironment, Environment.GetEnvironmentVariables())
            .Select(e => e.ToString()));
        var result = ConfigCatalogLoader.Load(directory);
        problems.AddRange(result.Errors.Select(e => e.ToString()));
        return new StartupConfiguration(directory, result.Catalog, problems);
    }
}
