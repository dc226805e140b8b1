using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;

namespace LinkService.Configuration.Loading;

/// <summary>
/// Reads <c>sources/</c>, <c>schemas/</c> and <c>projects/</c> under a configuration folder and
/// reports every problem in every file at once, each with its file and JSON path.
/// </summary>
public static partial class ConfigCatalogLoader
{
    public const string SourcesFolder = "sources";
    public const string SchemasFolder = "schemas";
    public const string ProjectsFolder = "projects";

    public static ConfigLoadResult Load(string configDirectory)
    {
        var root = Path.GetFullPath(configDirectory);
        var errors = new ConfigErrors(root);
        if (!Directory.Exists(root))
        {
            errors.Add("$", "the configuration folder does not exist");
            return new ConfigLoadResult(null, errors.All);
        }

        var schemas = LoadFolder<TableSchema>(root, SchemasFolder, errors, (s, name) => s.Name = name);
        var sources = LoadFolder<SourceDefinition>(root, SourcesFolder, errors, (s, name) => s.Name = name);
        var projects = LoadFolder<ProjectDefinition>(root, ProjectsFolder, errors, (p, name) => p.Name = name);

        // A reference to a file that exists but has problems of its own is not a second problem.
        var schemaFiles = FileNames(root, SchemasFolder);
        var sourceFiles = FileNames(root, SourcesFolder);
        CheckUnboundReferences(root, SourcesFolder, sources.Keys.ToHashSet(), "schema", "schema", SchemasFolder, schemaFiles, errors);
        CheckUnboundReferences(root, ProjectsFolder, projects.Keys.ToHashSet(), "sources", "source", SourcesFolder, sourceFiles, errors);

        foreach (var source in sources.Values)
        {
            var fileErrors = errors.ForFile(RelativeFile(root, SourcesFolder, source.Name));
            if (schemas.TryGetValue(source.Schema, out var schema))
            {
                source.ResolvedSchema = schema;
                source.ValidateAgainstSchema(fileErrors, "$");
            }
            else if (!schemaFiles.Contains(source.Schema))
            {
                fileErrors.Add("$.schema", NoSuchFile("schema", source.Schema, SchemasFolder));
            }
        }

        var catalog = new ConfigCatalog(root, sources, schemas, projects);
        foreach (var project in projects.Values)
        {
            var fileErrors = errors.ForFile(RelativeFile(root, ProjectsFolder, project.Name));
            for (var i = 0; i < project.Sources.Count; i++)
            {
                if (!sourceFiles.Contains(project.Sources[i]))
                {
                    fileErrors.Add($"$.sources[{i}]", NoSuchFile("source", project.Sources[i], SourcesFolder));
                }
            }

            // Checked against the sources' schemas even when the project has problems of its own, so that one pass
            // reports both. Linkage compares every source's fields, so it waits for all of them to be read; an output
            // file or table is checked against its own source wherever that one was read (a missing second source
            // hid every output problem of the first until it was fixed).
            if (project.Sources.All(sources.ContainsKey) && project.Sources.All(s => sources[s].ResolvedSchema is not null))
            {
                (project.Linkage as ICatalogAwareConfig)?.ValidateAgainst(catalog, fileErrors, "$.linkage");
            }

            var files = project.Outputs?.Files ?? [];
            for (var i = 0; i < files.Count; i++)
            {
                files[i].ValidateAgainst(catalog, fileErrors, $"$.outputs.files[{i}]");
            }

            var tables = project.Outputs?.Tables ?? [];
            for (var i = 0; i < tables.Count; i++)
            {
                tables[i].ValidateAgainst(catalog, fileErrors, $"$.outputs.tables[{i}]");
            }
        }

        return errors.Any ? new ConfigLoadResult(null, errors.All) : new ConfigLoadResult(catalog, []);
    }

    /// <summary>
    /// Reads one JSON file as <typeparamref name="T"/>, recording every problem. Null when its shape is wrong
    /// (it could not be bound); otherwise the value, whose own checks may have added problems.
    /// </summary>
    public static T? ReadFile<T>(string file, ConfigErrors errors)
        where T : class
    {
        if (ConfigJsonFile.Parse(file, errors) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var before = errors.All.Count;
            JsonShapeChecker.Check(document.RootElement, typeof(T), errors, "$");
            if (errors.All.Count > before)
            {
                return null;
            }

            T? value;
            try
            {
                value = document.RootElement.Deserialize<T>(ConfigJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(ex.Path ?? "$", ex.Message);
                return null;
            }

            if (value is null)
            {
                errors.Add("$", "is empty");
                return null;
            }

            // Returned even when its meaning is wrong, so that references to and from it are still
            // checked; a catalog is only built when there are no problems at all.
            (value as IValidatableConfig)?.Validate(errors, "$");
            return value;
        }
    }

    private static Dictionary<string, T> LoadFolder<T>(string root, string folder, ConfigErrors errors, Action<T, string> setName)
        where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var fileErrors = errors.ForFile(RelativeFile(root, folder, name));
            if (!NamePattern().IsMatch(name))
            {
                fileErrors.Add("$", "the file name must be lower-case letters, digits, '-' or '_', starting with a letter or digit (it names folders)");
                continue;
            }

            var value = ReadFile<T>(file, fileErrors);
            if (value is not null)
            {
                setName(value, name);
                result[name] = value;
            }
        }

        return result;
    }

    private static HashSet<string> FileNames(string root, string folder)
    {
        var directory = Path.Combine(root, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    /// <summary>How a problem names a file: from the configuration folder's own name down, e.g. <c>config/sources/justice.json</c>.</summary>
    public static string FileLabel(string root, string relativePath) => Path.Combine(Path.GetFileName(root), relativePath);

    private static string RelativeFile(string root, string folder, string name) => FileLabel(root, Path.Combine(folder, name + ".json"));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
