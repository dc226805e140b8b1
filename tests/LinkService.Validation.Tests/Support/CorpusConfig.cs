using LinkService.Configuration.Loading;
using LinkService.Configuration.Sources;

namespace LinkService.Validation.Tests.Support;

/// <summary>The corpus's sources and schema, loaded once through the real configuration loader.</summary>
public static class CorpusConfig
{
    private static readonly Lazy<IReadOnlyDictionary<string, SourceDefinition>> Sources = new(Load);

    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static SourceDefinition Source(string name) => Sources.Value[name];

    private static IReadOnlyDictionary<string, SourceDefinition> Load()
    {
        var result = ConfigCatalogLoader.Load(Path.Combine(CorpusDirectory, "_config"));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The corpus configuration does not load: " + string.Join("; ", result.Errors));
        }

        return result.Catalog!.Sources;
    }
}
