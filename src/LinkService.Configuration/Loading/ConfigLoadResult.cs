namespace LinkService.Configuration.Loading;

/// <summary>A catalog, or every reason there is none.</summary>
public sealed record ConfigLoadResult(ConfigCatalog? Catalog, IReadOnlyList<ConfigError> Errors)
{
    public bool Succeeded => Catalog is not null && Errors.Count == 0;
}
