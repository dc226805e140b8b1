using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;

namespace LinkService.Validation.Tests.Support;

/// <summary>Schemas and sources written as JSON in a test, read through the real configuration reader.</summary>
public static class Schemas
{
    public static TableSchema Parse(string json, string name = "test")
    {
        using var temp = new TempDirectory();
        var errors = new ConfigErrors(name + ".json");
        var schema = ConfigCatalogLoader.ReadFile<TableSchema>(temp.Write(name + ".json", json), errors)
            ?? throw new InvalidOperationException(string.Join("; ", errors.All));
        schema.Name = name;
        return schema;
    }

    public static SourceDefinition Source(TableSchema schema, string sourceJson = """{ "schema": "test", "filePattern": "*.csv" }""")
    {
        using var temp = new TempDirectory();
        var errors = new ConfigErrors("source.json");
        var source = ConfigCatalogLoader.ReadFile<SourceDefinition>(temp.Write("source.json", sourceJson), errors)
            ?? throw new InvalidOperationException(string.Join("; ", errors.All));
        source.Name = "test";
        source.ResolvedSchema = schema;
        return source;
    }

    public static SchemaField Field(string fieldJson) =>
        Parse($$"""{ "fields": [ { "name": "id", "linkage": { "role": "key" } }, {{fieldJson}} ] }""").Fields[1];
}
