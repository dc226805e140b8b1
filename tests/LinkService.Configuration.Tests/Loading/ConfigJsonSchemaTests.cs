using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Testing;

namespace LinkService.Configuration.Tests.Loading;

/// <summary>The JSON Schemas editors check the configuration files with: generated from the classes the loader binds, and true to the shipped files.</summary>
public sealed class ConfigJsonSchemaTests
{
    private static readonly Dictionary<string, (Type Type, string File, string Title)> Kinds = new(StringComparer.Ordinal)
    {
        [ConfigCatalogLoader.SourcesFolder] = (typeof(SourceDefinition), "source.schema.json", "LinkService source (config/sources/<source>.json)"),
        [ConfigCatalogLoader.SchemasFolder] = (typeof(TableSchema), "schema.schema.json", "LinkService Table Schema (config/schemas/<schema>.json)"),
        [ConfigCatalogLoader.ProjectsFolder] = (typeof(ProjectDefinition), "project.schema.json", "LinkService project (config/projects/<project>.json)"),
    };

    public static TheoryData<string> Folders() => [.. Kinds.Keys];

    public static TheoryData<string, string> ConfigFiles() =>
        [.. Kinds.Keys.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryConfig(), folder), "*.json")
            .Select(file => (folder, Path.GetFileName(file))))];

    [Theory]
    [MemberData(nameof(Folders))]
    public void SchemaFile_ForEachKindOfFile_IsWhatTheConfigurationClassesGenerate(string folder)
    {
        var (type, file, title) = Kinds[folder];

        var (committed, generated) = JsonSchemaFiles.Compare(file, ConfigJsonSchema.For(type, JsonShape.ConfigFiles, title));

        Assert.True(committed == generated, $"docs/json-schema/{file} is out of date with the configuration classes: run this test with LINKSERVICE_WRITE_JSON_SCHEMAS=1 and commit the result");
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void RepositoryConfiguration_EveryFile_IsValidAgainstItsJsonSchema(string folder, string file)
    {
        var results = Evaluate(folder, File.ReadAllText(Path.Combine(RepositoryConfig(), folder, file)));

        Assert.True(results.IsValid, string.Join("; ", Problems(results)));
    }

    [Fact]
    public void ProjectSchema_MisspeltMethodUnknownKeyAndMissingSources_AreEachInvalid()
    {
        Assert.False(Evaluate("projects", """{ "sources": ["a", "b"], "linkage": { "comparisons": [ { "field": "surname", "levels": [ { "method": "jarowinkler" } ] } ] } }""").IsValid);
        Assert.False(Evaluate("projects", """{ "sources": ["a", "b"], "linkage": {}, "schedulle": "0 0 2 * * ?" }""").IsValid);
        Assert.False(Evaluate("projects", """{ "linkage": {} }""").IsValid);
        Assert.True(Evaluate("projects", """{ "sources": ["a", "b"], "linkage": {}, "outputs": { "approval": "automatic" } }""").IsValid);
    }

    [Fact]
    public void SourceSchema_DurationAsTheLoaderReadsIt_IsValidAndAnyOtherIsNot()
    {
        Assert.True(Evaluate("sources", """{ "schema": "s", "filePattern": "*.csv", "completion": { "quietPeriod": "1.00:00:30" } }""").IsValid);
        Assert.False(Evaluate("sources", """{ "schema": "s", "filePattern": "*.csv", "completion": { "quietPeriod": "30s" } }""").IsValid);
    }

    private static EvaluationResults Evaluate(string folder, string json)
    {
        var schema = JsonSchema.FromFile(Path.Combine(JsonSchemaFiles.Folder(), Kinds[folder].File));
        var document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<string> Problems(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    private static string RepositoryConfig() => Path.Combine(AppContext.BaseDirectory, "config");
}
