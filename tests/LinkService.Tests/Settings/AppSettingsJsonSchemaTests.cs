using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LinkService.Configuration.Loading;
using LinkService.Settings;
using LinkService.Testing;

namespace LinkService.Tests.Settings;

/// <summary>appsettings.json's JSON Schema: its <c>LinkService</c> part generated from the sections the service binds.</summary>
public sealed class AppSettingsJsonSchemaTests
{
    private const string FileName = "appsettings.schema.json";

    [Fact]
    public void SchemaFile_LinkServiceSection_IsWhatTheOptionsClassesGenerate()
    {
        var (committed, generated) = JsonSchemaFiles.Compare(FileName, Generate());

        Assert.True(committed == generated, $"docs/json-schema/{FileName} is out of date with the options classes: run this test with LINKSERVICE_WRITE_JSON_SCHEMAS=1 and commit the result");
    }

    [Fact]
    public void RepositoryAppSettings_IsValidAgainstItsJsonSchema()
    {
        Assert.True(Evaluate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"))).IsValid);
    }

    [Fact]
    public void AppSettingsSchema_MisspeltKeyOrDuration_IsInvalid()
    {
        Assert.False(Evaluate("""{ "LinkService": { "Folders": { "Wrok": "var/work" } } }""").IsValid);
        Assert.False(Evaluate("""{ "LinkService": { "Intake": { "SweepInterval": "15s" } } }""").IsValid);
        Assert.True(Evaluate("""{ "LinkService": { "Runs": { "LeaseDuration": "00:02:00" } }, "Serilog": {} }""").IsValid);
    }

    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromFile(Path.Combine(JsonSchemaFiles.Folder(), FileName))
            .Evaluate(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }));

    private static JsonObject Generate()
    {
        var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var sections = new JsonObject();
        foreach (var section in SettingsSections.All(".", "."))
        {
            sections[section.Key.Split(':')[1]] = ConfigJsonSchema.ObjectOf(section.OptionsType, JsonShape.AppSettings, definitions);
        }

        Assert.Empty(definitions);
        return new JsonObject
        {
            ["$schema"] = ConfigJsonSchema.Draft,
            ["title"] = "LinkService appsettings.json (the LinkService section; Serilog's is its own)",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["LinkService"] = new JsonObject { ["type"] = "object", ["properties"] = sections, ["additionalProperties"] = false },
            },
        };
    }
}
