using LinkService.Configuration;
using LinkService.Configuration.Loading;

namespace LinkService.Outputs.Tests.Support;

/// <summary>The repository's default configuration folder (config/), copied beside the test binaries.</summary>
internal static class RepositoryConfig
{
    public static ConfigCatalog Load()
    {
        var result = ConfigCatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "config"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    }
}
