using System.Text.Json;
using LinkService.Configuration;
using LinkService.Configuration.Loading;

namespace LinkService.Hosting;

/// <summary>
/// Everything read from a configuration folder before a host is built: the catalog of sources, schemas
/// and projects, and whether appsettings.json is readable. Every problem is collected, none thrown.
/// </summary>
internal sealed class StartupConfiguration
{
    public const string AppSettingsFile = "appsettings.json";

    private StartupConfiguration(string directory, ConfigCatalog? catalog, IReadOnlyList<string> problems)
    {
        Directory = directory;
        Catalog = catalog;
        Problems = problems;
    }

    public string Directory { get; }

    public ConfigCatalog? Catalog { get; }

    public IReadOnlyList<string> Problems { get; }

    public string AppSettingsPath => Path.Combine(Directory, AppSettingsFile);

    public static StartupConfiguration Load(string configDirectory)
    {
        var directory = Path.GetFullPath(configDirectory);
        var problems = new List<string>();
        var appSettings = Path.Combine(directory, AppSettingsFile);
        if (!System.IO.Directory.Exists(directory))
        {
            problems.Add($"{directory}: the configuration folder does not exist (pass --config DIR)");
            return new StartupConfiguration(directory, null, problems);
        }

        if (!File.Exists(appSettings))
        {
            problems.Add($"{appSettings}: $: the file is missing");
        }
        else
        {
            try
            {
                using var stream = File.OpenRead(appSettings);
                using var _ = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                problems.Add($"{appSettings}: {ex.Path ?? "$"}: is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            }
        }

        var result = ConfigCatalogLoader.Load(directory);
        problems.AddRange(result.Errors.Select(e => e.ToString()));
        return new StartupConfiguration(directory, result.Catalog, problems);
    }
}
