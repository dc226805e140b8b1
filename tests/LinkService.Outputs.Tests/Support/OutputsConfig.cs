using LinkService.Configuration;
using LinkService.Configuration.Loading;

namespace LinkService.Outputs.Tests.Support;

/// <summary>A small configuration folder: source 'alpha' (people with names, a benefit, a start date, an amount and a note), linked with 'beta'.</summary>
internal static class OutputsConfig
{
    public const string Schema = """
        {
          "fields": [
            { "name": "id", "type": "string", "constraints": { "required": true, "unique": true }, "linkage": { "role": "key" } },
            { "name": "forename", "type": "string", "linkage": { "role": "identifier", "canonical": "forename" } },
            { "name": "sex", "type": "string", "linkage": { "role": "identifier", "canonical": "sex" } },
            { "name": "surname", "type": "string", "linkage": { "role": "identifier", "canonical": "surname" } },
            { "name": "postcode", "type": "string", "linkage": { "role": "identifier", "canonical": "postcode" } },
            { "name": "dob", "type": "date", "format": "%d/%m/%Y", "linkage": { "role": "identifier", "canonical": "date_of_birth" } },
            { "name": "benefit", "type": "string" },
            { "name": "start", "type": "date" },
            { "name": "amount", "type": "number" },
            { "name": "note", "type": "string" }
          ],
          "primaryKey": ["id"]
        }
        """;

    /// <summary>A project linking alpha and beta, whose <c>outputs</c> is <paramref name="outputs"/> (JSON).</summary>
    public static string Project(string outputs) => $$"""
        { "sources": ["alpha", "beta"], "mode": "link", "linkage": {}, "outputs": {{outputs}} }
        """;

    public static TempDirectory Create(string outputs, string project = "study")
    {
        var dir = new TempDirectory();
        dir.Write("config/schemas/people.json", Schema);
        dir.Write("config/sources/alpha.json", """{ "schema": "people", "filePattern": "alpha_*.csv" }""");
        dir.Write("config/sources/beta.json", """{ "schema": "people", "filePattern": "beta_*.csv" }""");
        dir.Write($"config/projects/{project}.json", Project(outputs));
        return dir;
    }

    public static ConfigLoadResult Load(TempDirectory dir) => ConfigCatalogLoader.Load(dir.Combine("config"));

    public static ConfigCatalog LoadValid(TempDirectory dir)
    {
        var result = Load(dir);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    }
}
