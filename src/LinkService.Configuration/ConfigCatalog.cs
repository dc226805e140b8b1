using LinkService.Configuration.Projects;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;

namespace LinkService.Configuration;

/// <summary>
/// Every source, schema and project in a configuration folder, loaded and cross-checked:
/// each source's <see cref="SourceDefinition.ResolvedSchema"/> is set.
/// </summary>
public sealed class ConfigCatalog
{
    public ConfigCatalog(
        string directory,
        IReadOnlyDictionary<string, SourceDefinition> sources,
        IReadOnlyDictionary<string, TableSchema> schemas,
        IReadOnlyDictionary<string, ProjectDefinition> projects)
    {
        Directory = directory;
        Sources = sources;
        Schemas = schemas;
        Projects = projects;
    }

    /// <summary>The configuration folder, as a full path.</summary>
    public string Directory { get; }

    public IReadOnlyDictionary<string, SourceDefinition> Sources { get; }

    public IReadOnlyDictionary<string, TableSchema> Schemas { get; }

    public IReadOnlyDictionary<string, ProjectDefinition> Projects { get; }
}
