using LinkService.Configuration;
using LinkService.Configuration.Loading;

namespace LinkService.Synth.Tests.Support;

/// <summary>The repository's default configuration, copied beside the test assembly by the project file, loaded once.</summary>
public static class DefaultConfig
{
    private static readonly Lazy<ConfigCatalog> Loaded = new(Load);

    public static ConfigCatalog Catalog => Loaded.Value;

    private static ConfigCatalog Load()
    {
        var result = ConfigCatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "config"));
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }
}
