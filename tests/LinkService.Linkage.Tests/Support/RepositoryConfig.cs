using LinkService.Configuration;
using LinkService.Configuration.Loading;

namespace LinkService.Linkage.Tests.Support;

/// <summary>The repository's default configuration folder (config/), copied beside the test binaries.</summary>
internal static class RepositoryConfig
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "config");

    public static ConfigCatalog Load()
    {
        var result = ConfigCatalogLoader.Load(Directory);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    }
}
