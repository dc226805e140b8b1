using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Linkage;

/// <summary>
/// The <c>linkage</c> section of a project: standardisation, blocking, comparisons, training,
/// thresholds and clustering. Placeholder until the linkage engine defines it.
/// </summary>
public sealed class LinkageSpec : IValidatableConfig, ICatalogAwareConfig
{
    public void Validate(ConfigErrors errors, string path)
    {
    }

    public void ValidateAgainst(ConfigCatalog catalog, ConfigErrors errors, string path)
    {
    }
}
