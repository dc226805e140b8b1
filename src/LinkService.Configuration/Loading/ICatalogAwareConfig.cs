namespace LinkService.Configuration.Loading;

/// <summary>
/// A configuration object whose meaning depends on other files (a project naming sources whose
/// schemas must carry the identifiers it compares). Checked once every file has loaded.
/// </summary>
public interface ICatalogAwareConfig
{
    void ValidateAgainst(ConfigCatalog catalog, ConfigErrors errors, string path);
}
